package org.kepu.identity.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

@KepuIntegrationTest
class IdentityIntegrationTest {

    private static final String DEMO = DemoAccounts.PASSWORD;

    @Autowired
    WebTestClient anonymous;
    @LocalServerPort
    int port;

    private WebTestClient admin;

    @BeforeEach
    void signIn() {
        admin = as("admin", "test-admin-password");
    }

    @Test
    void anEmbeddedInstallationHasOneDemoAccountPerRole() {
        Map<String, String> roles = Map.of("demo-editor", "EDITOR", "demo-reviewer-political", "REVIEWER_POLITICAL",
                "demo-reviewer-scientific", "REVIEWER_SCIENTIFIC", "demo-approver", "APPROVER",
                "demo-society-admin", "SOCIETY_ADMIN", "demo-society-member", "SOCIETY_MEMBER");
        roles.forEach((username, role) -> as(username, DEMO).get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.roles[0]").isEqualTo(role));
        as("demo-society-member", DEMO).get().uri("/api/me").exchange()
                .expectBody().jsonPath("$.organisation").isEqualTo("nutrition");
        admin.get().uri("/api/admin/accounts").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.username == 'demo-editor')].demo").isEqualTo(true);
    }

    @Test
    void administratorsCreateAccountsAndOthersCannot() {
        String username = "member-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> account = Map.of("username", username, "displayName", "应急学会会员", "password", "a-long-password-1",
                "organisation", "emergency", "roles", List.of("SOCIETY_MEMBER"));
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(account).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.organisation").isEqualTo("emergency").jsonPath("$.roles[0]").isEqualTo("SOCIETY_MEMBER");
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(account).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("account-exists");
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username + "x", "displayName", "无学会", "password", "a-long-password-1",
                        "roles", List.of("SOCIETY_ADMIN")))
                .exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("account-organisation-required");
        as(username, "a-long-password-1").get().uri("/api/me").exchange().expectStatus().isOk();
        as(username, "a-long-password-1").get().uri("/api/admin/accounts").exchange().expectStatus().isForbidden();
        as("demo-editor", DEMO).post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void societyAccountsWorkOnlyOnTheirOwnSocietysWorks() {
        WebTestClient member = as("demo-society-member", DEMO);
        member.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON).bodyValue(work("nutrition")).exchange()
                .expectStatus().isCreated();
        member.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON).bodyValue(work("emergency")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("work-other-organisation");

        String othersWork = (String) admin.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(work("emergency")).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("id");
        member.get().uri("/api/works/{id}", othersWork).exchange().expectStatus().isForbidden();
        member.put().uri("/api/works/{id}/draft", othersWork).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(work("emergency").get("draft")).exchange().expectStatus().isForbidden();
        as("demo-reviewer-scientific", DEMO).get().uri("/api/works/{id}", othersWork).exchange().expectStatus().isOk();
        as("demo-reviewer-scientific", DEMO).post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(work("emergency")).exchange().expectStatus().isForbidden();
        as("demo-editor", DEMO).put().uri("/api/works/{id}/draft", othersWork).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(work("emergency").get("draft")).exchange().expectStatus().isOk();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilTheWindowEndsOrAnAdministratorUnlocks() {
        String username = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "锁定测试", "password", "the-right-password",
                        "roles", List.of("EDITOR")))
                .exchange().expectStatus().isCreated();
        for (int attempt = 0; attempt < 5; attempt++) {
            as(username, "wrong-" + attempt).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        }

        as(username, "the-right-password").get().uri("/api/me").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L))
                .expectBody()
                .jsonPath("$.code").isEqualTo("login-account-locked")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("5 次").contains("分钟"));

        admin.get().uri("/api/admin/audit?subject=account:{u}", username).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].action").isEqualTo("login.account-locked")
                .jsonPath("$[1].action").isEqualTo("account.created")
                .jsonPath("$[1].actor").isEqualTo("admin");
        admin.post().uri("/api/admin/accounts/{u}/unlock", username).exchange().expectStatus().isOk();
        as(username, "the-right-password").get().uri("/api/me").exchange().expectStatus().isOk();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsEarlierFailures() {
        String username = "clears-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "清零测试", "password", "the-right-password",
                        "roles", List.of("EDITOR")))
                .exchange().expectStatus().isCreated();
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                as(username, "wrong-" + attempt).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
            }
            as(username, "the-right-password").get().uri("/api/me").exchange().expectStatus().isOk();
        }
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDown() {
        String address = "127.0." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(2, 250);
        WebTestClient client = WebTestClient.bindToServer(new ReactorClientHttpConnector(
                        HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0))))
                .baseUrl("http://127.0.0.1:" + port).build();
        for (int attempt = 0; attempt < 30; attempt++) {
            client.get().uri("/api/me").headers(h -> h.setBasicAuth("guess-" + UUID.randomUUID(), "password"))
                    .exchange().expectStatus().isUnauthorized();
        }

        client.get().uri("/api/me").headers(h -> h.setBasicAuth("demo-editor", DEMO)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("login-address-limited");
        as("demo-editor", DEMO).get().uri("/api/me").exchange().expectStatus().isOk();
    }

    private WebTestClient as(String username, String password) {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }

    private static Map<String, Object> work(String organisation) {
        return Map.of("kind", "ARTICLE", "organisation", organisation, "draft", Map.of("title", "权限测试", "topics", List.of("health"),
                "originality", "ORIGINAL", "licence", "CC-BY-4.0", "body", "正文"));
    }
}
