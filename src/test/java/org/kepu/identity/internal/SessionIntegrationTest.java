package org.kepu.identity.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuApplication;
import org.kepu.KepuIntegrationTest;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sign-in: a session in Redis behind an HttpOnly cookie, CSRF tokens for every state change made
 * with that cookie, revocation at the next request, the same sign-in limits as HTTP Basic, and sessions
 * that any instance can serve.
 */
@KepuIntegrationTest
class SessionIntegrationTest {

    private static final String DEMO = DemoAccounts.PASSWORD;
    private static final String SESSION = "KEPU_SESSION";

    @Autowired
    WebTestClient anonymous;
    @Autowired
    RedisReactiveCommands<String, String> redis;
    @Autowired
    ServerAddresses running;
    @LocalServerPort
    int port;

    private WebTestClient admin;

    @BeforeEach
    void administrator() {
        admin = anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin-password")).build();
    }

    @Test
    void theFirewallRefusesControlCharactersInHeaderValuesButNotTabs() {
        anonymous.get().uri("/api/events/public/occurrences").header("Authorization", "Basic a\u0085b")
                .exchange().expectStatus().isBadRequest();
        anonymous.get().uri("/api/events/public/occurrences").header("Accept", "application/json\u0085")
                .exchange().expectStatus().isBadRequest();
        anonymous.get().uri("/api/events/public/occurrences").header("Accept", "application/json,\ttext/plain")
                .exchange().expectStatus().isOk();
    }

    @Test
    void signingInGivesAnHttpOnlyCookieForASessionKeptInRedis() {
        String address = ownAddress();
        EntityExchangeResult<byte[]> signedIn = signInRequest(clientFrom(address), "demo-editor", DEMO).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("demo-editor")
                .jsonPath("$.roles[0]").isEqualTo("EDITOR")
                .returnResult();

        ResponseCookie cookie = signedIn.getResponseCookies().getFirst(SESSION);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecure()).as("embedded mode over plain HTTP").isFalse();
        ResponseCookie xsrf = signedIn.getResponseCookies().getFirst(CsrfTokens.COOKIE);
        assertThat(xsrf).isNotNull();
        assertThat(xsrf.isHttpOnly()).as("the console's script reads it").isFalse();

        String key = "kepu:session:sessions:" + cookie.getValue();
        assertThat(redis.exists(key).block()).isEqualTo(1L);
        assertThat(redis.ttl(key).block()).isBetween(1700L, 1800L);

        Browser browser = Browser.of(anonymous, signedIn);
        browser.withoutToken().get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("demo-editor");
        browser.withoutToken().get().uri("/api/session").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("EDITOR");
        anonymous.get().uri("/api/session").exchange()
                .expectStatus().isUnauthorized()
                .expectCookie().httpOnly(CsrfTokens.COOKIE, false)
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        admin.get().uri("/api/admin/audit?action=identity.signed-in&subject=account:demo-editor").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].actor").isEqualTo("demo-editor")
                .jsonPath("$[0].address").isEqualTo(address);
    }

    @Test
    void stateChangesWithTheSessionCookieNeedTheCsrfToken() {
        Browser browser = signIn(anonymous, "admin", "test-admin-password");
        String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> account = Map.of("username", username, "displayName", "令牌测试", "password", "a-long-password-1",
                "roles", List.of("EDITOR"));

        browser.withoutToken().post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.code").isEqualTo("csrf-invalid")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("安全令牌"));
        browser.withoutToken().post().uri("/api/admin/accounts").header(CsrfTokens.HEADER, "forged-" + browser.xsrf())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("csrf-invalid");
        admin.get().uri("/api/admin/accounts").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.username == '%s')]".formatted(username)).doesNotExist();

        browser.withToken().post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange()
                .expectStatus().isCreated();
        admin.get().uri("/api/admin/audit?action=account.created&subject=account:{u}", username).exchange()
                .expectBody().jsonPath("$[0].actor").isEqualTo("admin");
        // Explicit Basic credentials need no token.
        admin.post().uri("/api/admin/accounts/{u}/disable", username).exchange().expectStatus().isOk();
        // A form posted to a page needs the token even without a session.
        anonymous.post().uri("/newsletter").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("email=a@example.org")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("csrf-invalid");
    }

    @Test
    void signingOutRemovesTheSessionFromRedis() {
        Browser browser = signIn(anonymous, "demo-reviewer-political", DEMO);
        String key = "kepu:session:sessions:" + browser.session();

        browser.withoutToken().delete().uri("/api/session").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("csrf-invalid");
        browser.withoutToken().get().uri("/api/me").exchange().expectStatus().isOk();

        browser.withToken().delete().uri("/api/session").exchange()
                .expectStatus().isNoContent()
                .expectCookie().maxAge(SESSION, Duration.ZERO);
        assertThat(redis.exists(key).block()).isZero();
        browser.withoutToken().get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        admin.get().uri("/api/admin/audit?action=identity.signed-out&subject=account:demo-reviewer-political").exchange()
                .expectBody().jsonPath("$[0].actor").isEqualTo("demo-reviewer-political");
    }

    @Test
    void signingInAlwaysStartsANewSessionId() {
        Browser first = signIn(anonymous, "demo-approver", DEMO);
        WebTestClient withOldCookie = anonymous.mutate().defaultCookie(SESSION, first.session()).build();
        Browser second = signIn(withOldCookie, "demo-reviewer-scientific", DEMO);

        assertThat(second.session()).isNotEqualTo(first.session());
        assertThat(redis.exists("kepu:session:sessions:" + first.session()).block()).isZero();
        second.withoutToken().get().uri("/api/me").exchange()
                .expectBody().jsonPath("$.username").isEqualTo("demo-reviewer-scientific");

        Browser chosen = signIn(anonymous.mutate().defaultCookie(SESSION, "chosen-by-someone-else").build(), "demo-approver", DEMO);
        assertThat(chosen.session()).isNotEqualTo("chosen-by-someone-else");
    }

    @Test
    void signInAcceptsOnlyJsonWithBothFields() {
        anonymous.post().uri("/api/session").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-editor&password=" + DEMO)
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectCookie().doesNotExist(SESSION);
        anonymous.post().uri("/api/session").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "demo-editor"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("login-credentials-missing");
    }

    @Test
    void wrongPasswordsCountAsForHttpBasicAndLockTheAccount() {
        String username = newAccount("ADMIN");
        WebTestClient client = clientFrom(ownAddress());

        String unknown = signInRequest(client, "nobody-" + username, "whatever-password").expectStatus().isUnauthorized()
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();
        for (int attempt = 0; attempt < 5; attempt++) {
            signInRequest(client, username, "wrong-" + attempt).expectStatus().isUnauthorized()
                    .expectCookie().doesNotExist(SESSION)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("login-failed")
                    .jsonPath("$.detail").isEqualTo(unknown);
        }

        signInRequest(client, username, "the-right-password").expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L))
                .expectCookie().doesNotExist(SESSION)
                .expectBody().jsonPath("$.code").isEqualTo("login-account-locked");
        client.get().uri("/api/me").headers(h -> h.setBasicAuth(username, "the-right-password")).exchange()
                .expectStatus().isEqualTo(429);
        admin.get().uri("/api/admin/audit?action=login.account-locked&subject=account:{u}", username).exchange()
                .expectBody().jsonPath("$[0].details.failures").isEqualTo(5);
    }

    @Test
    void noResponseAsksABrowserForBasicCredentials() {
        anonymous.get().uri("/api/me").headers(h -> h.setBasicAuth("demo-editor", "not-the-password")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.code").isEqualTo("login-failed");
        anonymous.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void roleChangesApplyAtTheNextRequestAndDisablingEndsEverySession() {
        String username = newAccount("ADMIN");
        Browser laptop = signIn(anonymous, username, "the-right-password");
        Browser phone = signIn(anonymous, username, "the-right-password");
        laptop.withoutToken().get().uri("/api/admin/accounts").exchange().expectStatus().isOk();

        admin.put().uri("/api/admin/accounts/{u}/roles", username).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("EDITOR"))).exchange().expectStatus().isOk();
        laptop.withoutToken().get().uri("/api/admin/accounts").exchange().expectStatus().isForbidden();
        laptop.withoutToken().get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles.length()").isEqualTo(1).jsonPath("$.roles[0]").isEqualTo("EDITOR");

        admin.post().uri("/api/admin/accounts/{u}/disable", username).exchange().expectStatus().isOk();
        for (Browser browser : List.of(laptop, phone)) {
            browser.withoutToken().get().uri("/api/me").exchange()
                    .expectStatus().isUnauthorized()
                    .expectCookie().maxAge(SESSION, Duration.ZERO);
            assertThat(redis.exists("kepu:session:sessions:" + browser.session()).block()).isZero();
        }
        signInRequest(anonymous, username, "the-right-password").expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("account-disabled");
        signInRequest(anonymous, username, "a-wrong-password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("login-failed");

        admin.post().uri("/api/admin/accounts/{u}/enable", username).exchange().expectStatus().isOk();
        phone.withoutToken().get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSecondInstanceServesTheSameSessions() {
        Browser browser = signIn(anonymous, "demo-society-member", DEMO);
        try (ConfigurableApplicationContext other = start(running.redis().url().toString(), "kepu.identity.session.idle-timeout=10m")) {
            WebTestClient second = clientOf(other);
            browser.on(second).withoutToken().get().uri("/api/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.organisation").isEqualTo("nutrition");
            browser.on(second).withToken().delete().uri("/api/session").exchange().expectStatus().isNoContent();
            browser.withoutToken().get().uri("/api/me").exchange().expectStatus().isUnauthorized();

            EntityExchangeResult<byte[]> production = signInRequest(second, "demo-editor", DEMO).expectStatus().isOk()
                    .expectBody().returnResult();
            assertThat(production.getResponseCookies().getFirst(SESSION).isSecure())
                    .as("with an external PostgreSQL, cookies are Secure").isTrue();
            assertThat(production.getResponseCookies().getFirst(CsrfTokens.COOKIE).isSecure()).isTrue();
            String key = "kepu:session:sessions:" + production.getResponseCookies().getFirst(SESSION).getValue();
            assertThat(redis.ttl(key).block()).as("that instance's idle timeout").isBetween(500L, 600L);
            Browser.of(second, production).on(anonymous).withoutToken().get().uri("/api/me").exchange().expectStatus().isOk();
        }
    }

    @Test
    void anUnreachableRedisAnswers503AtOnce() throws IOException {
        int redisPort = freePort();
        RedisServer ownRedis = RedisServer.newRedisServer().port(redisPort).setting("appendonly no").setting("save \"\"").build();
        ownRedis.start();
        try (ConfigurableApplicationContext instance = start("redis://127.0.0.1:" + redisPort)) {
            WebTestClient client = clientOf(instance);
            Browser browser = signIn(client, "demo-editor", DEMO);
            ownRedis.stop();

            long started = System.nanoTime();
            browser.withoutToken().get().uri("/api/me").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("redis-unavailable")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Redis"));
            signInRequest(client, "demo-editor", DEMO).expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo("redis-unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            ownRedis.stop();
        }
    }

    /** The cookies a browser holds after signing in. */
    private record Browser(WebTestClient client, String session, String xsrf) {

        static Browser of(WebTestClient client, EntityExchangeResult<?> signedIn) {
            return new Browser(client, signedIn.getResponseCookies().getFirst(SESSION).getValue(),
                    signedIn.getResponseCookies().getFirst(CsrfTokens.COOKIE).getValue());
        }

        Browser on(WebTestClient other) {
            return new Browser(other, session, xsrf);
        }

        /** Requests a forged page could make: the browser adds the cookies, but the page cannot read them. */
        WebTestClient withoutToken() {
            return client.mutate().defaultCookie(SESSION, session).defaultCookie(CsrfTokens.COOKIE, xsrf).build();
        }

        /** Requests of the console, which echoes the token cookie in the header. */
        WebTestClient withToken() {
            return withoutToken().mutate().defaultHeader(CsrfTokens.HEADER, xsrf).build();
        }
    }

    private static Browser signIn(WebTestClient client, String username, String password) {
        return Browser.of(client, signInRequest(client, username, password).expectStatus().isOk().expectBody().returnResult());
    }

    private static WebTestClient.ResponseSpec signInRequest(WebTestClient client, String username, String password) {
        return client.post().uri("/api/session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange();
    }

    private String newAccount(String role) {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "会话测试", "password", "the-right-password",
                        "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        return username;
    }

    /** A loopback address of its own, so that failures count against no other test's address. */
    private static String ownAddress() {
        return "127.0." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(2, 250);
    }

    private WebTestClient clientFrom(String address) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(
                        HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0))))
                .baseUrl("http://127.0.0.1:" + port).build();
    }

    /** Another web instance on the servers of this test JVM, configured as production would be. */
    private ConfigurableApplicationContext start(String redisUrl, String... more) {
        String[] settings = {
                "server.port=0",
                "kepu.role=web",
                "kepu.postgres.url=postgresql://127.0.0.1:" + running.postgres().port() + "/" + running.postgres().database(),
                "kepu.postgres.username=" + running.postgres().username(),
                "kepu.elasticsearch.url=" + running.elasticsearch().url(),
                "kepu.s3.access-key=" + running.s3().accessKey(),
                "kepu.s3.secret-key=" + running.s3().secretKey(),
                "kepu.s3.endpoint=" + running.s3().endpoint(),
                "kepu.redis.url=" + redisUrl};
        String[] arguments = Stream.concat(Arrays.stream(settings), Arrays.stream(more)).map(setting -> "--" + setting)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(KepuApplication.class, OwnEventLoops.class).profiles("test").run(arguments);
    }

    /**
     * Reactor Netty's global event loops and connection pools serve this test's main instance and its
     * clients; an instance started here gets its own, so that closing it leaves them alone.
     */
    static class OwnEventLoops {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private static WebTestClient clientOf(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
