package org.kepu.identity.internal;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

/** A society administrator (demo-society-admin of 市营养学会) managing the members of their own society, and no one else. */
@KepuIntegrationTest
class SocietyMembersIntegrationTest {

    private static final String DEMO = DemoAccounts.PASSWORD;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient anonymous;
    @LocalServerPort
    int port;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewMemberSignsInWithTheOneTimePasswordAndWritesForTheSociety() {
        String username = "nutri-" + suffix;
        Map<String, Object> created = societyAdmin().post().uri("/api/society/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "营养学会新会员")).exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(created.get("organisation")).isEqualTo("nutrition");
        assertThat(created.get("roles")).isEqualTo(List.of("SOCIETY_MEMBER"));
        String password = (String) created.get("oneTimePassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        WebTestClient member = as(username, password);
        member.get().uri("/api/me").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.organisation").isEqualTo("nutrition");
        member.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON).bodyValue(work("nutrition")).exchange()
                .expectStatus().isCreated();
        member.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON).bodyValue(work("emergency")).exchange()
                .expectStatus().isForbidden();

        societyAdmin().post().uri("/api/society/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "重名")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("account-exists");
        societyAdmin().post().uri("/api/society/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username + "-own", "displayName", "自设密码", "password", "a-long-password-1",
                        "organisation", "nutrition", "roles", List.of("SOCIETY_MEMBER")))
                .exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.oneTimePassword").doesNotExist();
        as(username + "-own", "a-long-password-1").get().uri("/api/me").exchange().expectStatus().isOk();

        List<Map<String, Object>> members = societyAdmin().get().uri("/api/society/members").exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(members).extracting(account -> account.get("username"))
                .contains(username, username + "-own", "demo-society-member", "demo-society-admin");
        assertThat(members).allSatisfy(account -> {
            assertThat(account.get("organisation")).isEqualTo("nutrition");
            assertThat(account).doesNotContainKey("oneTimePassword");
        });

        List<Map<String, Object>> audit = audit(username);
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("account.created");
            assertThat(entry.get("actor")).isEqualTo("demo-society-admin");
            assertThat(entry.get("address")).isEqualTo("127.0.0.1");
            assertThat(entry.get("details").toString()).contains("organisation=nutrition").contains("SOCIETY_MEMBER")
                    .doesNotContain(password);
        });
    }

    @Test
    void anotherSocietysAccountsAndAssociationStaffAreOutOfReach() {
        String outsider = "emerg-" + suffix;
        Map<String, Object> created = admin().post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", outsider, "displayName", "应急学会会员", "organisation", "emergency",
                        "roles", List.of("SOCIETY_MEMBER")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(JSON).returnResult().getResponseBody();
        String password = (String) created.get("oneTimePassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        for (String action : List.of("disable", "enable", "reset-password", "unlock")) {
            societyAdmin().post().uri("/api/society/members/{u}/" + action, outsider).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("account-other-organisation")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(outsider).contains("nutrition"));
            societyAdmin().post().uri("/api/society/members/{u}/" + action, "demo-editor").exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("account-other-organisation");
        }
        as(outsider, password).get().uri("/api/me").exchange().expectStatus().isOk();
        as("demo-editor", DEMO).get().uri("/api/me").exchange().expectStatus().isOk();

        societyAdmin().post().uri("/api/society/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", outsider + "-2", "displayName", "跨学会", "organisation", "emergency")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("account-other-organisation");
        societyAdmin().get().uri("/api/society/members").exchange()
                .expectStatus().isOk().expectBody(LIST).value(members -> assertThat(members)
                        .extracting(account -> account.get("username")).doesNotContain(outsider, "demo-editor"));

        List<Map<String, Object>> emergency = admin().get().uri("/api/admin/accounts?organisation=emergency").exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(emergency).extracting(account -> account.get("username")).contains(outsider).doesNotContain(outsider + "-2");
        assertThat(emergency).allSatisfy(account -> assertThat(account.get("organisation")).isEqualTo("emergency"));
        admin().get().uri("/api/admin/accounts?organisation=no-such-society").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("unknown-organisation");
        societyAdmin().get().uri("/api/admin/accounts?organisation=nutrition").exchange().expectStatus().isForbidden();

        List<Map<String, Object>> refusals = audit(outsider);
        assertThat(refusals).filteredOn(entry -> "account.refused".equals(entry.get("action"))).hasSize(4)
                .allSatisfy(entry -> {
                    assertThat(entry.get("actor")).isEqualTo("demo-society-admin");
                    assertThat(entry.get("details").toString()).contains("account-other-organisation").contains("organisation=nutrition");
                });
        assertThat(refusals).extracting(entry -> entry.get("action")).doesNotContain("account.disabled", "account.password-reset");
    }

    @Test
    void societyAdministratorsGrantNoRoleButMemberAndCannotTouchThemselvesOrOtherAdministrators() {
        for (String role : List.of("SOCIETY_ADMIN", "EDITOR", "ADMIN", "APPROVER")) {
            societyAdmin().post().uri("/api/society/members").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "grant-" + suffix, "displayName", "越权", "roles", List.of(role))).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("account-role-not-grantable")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(role));
        }
        admin().get().uri("/api/admin/accounts?organisation=nutrition").exchange()
                .expectBody(LIST).value(accounts -> assertThat(accounts)
                        .extracting(account -> account.get("username")).doesNotContain("grant-" + suffix));
        String member = createMember();
        societyAdmin().put().uri("/api/admin/accounts/{u}/roles", member).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("SOCIETY_ADMIN"))).exchange().expectStatus().isForbidden();

        societyAdmin().post().uri("/api/society/members/{u}/disable", "demo-society-admin").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("account-self");
        societyAdmin().post().uri("/api/society/members/{u}/reset-password", "DEMO-SOCIETY-ADMIN").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("account-self");
        as("demo-society-admin", DEMO).get().uri("/api/me").exchange().expectStatus().isOk();

        String otherAdmin = "nutri-admin-" + suffix;
        admin().post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", otherAdmin, "displayName", "第二位学会管理员", "password", "a-long-password-1",
                        "organisation", "nutrition", "roles", List.of("SOCIETY_ADMIN")))
                .exchange().expectStatus().isCreated();
        societyAdmin().post().uri("/api/society/members/{u}/disable", otherAdmin).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("account-not-society-member")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("SOCIETY_ADMIN"));
        as(otherAdmin, "a-long-password-1").get().uri("/api/me").exchange().expectStatus().isOk();
        societyAdmin().post().uri("/api/society/members/{u}/disable", "nobody-" + suffix).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("account-not-found");
    }

    @Test
    void disableEnableResetPasswordAndUnlockAreTheirsForTheirMembersAndAudited() {
        String member = createMember();
        String password = resetPassword(member);
        WebTestClient stranger = fromOtherAddress();

        societyAdmin().post().uri("/api/society/members/{u}/disable", member).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
        // The right password of a disabled account is told so (a wrong one still gets the plain 401).
        signIn(stranger, member, password).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("account-disabled");
        societyAdmin().post().uri("/api/society/members/{u}/disable", member).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("account-already-disabled")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("停用"));
        societyAdmin().post().uri("/api/society/members/{u}/enable", member).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        societyAdmin().post().uri("/api/society/members/{u}/enable", member).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("account-already-enabled");
        as(member, password).get().uri("/api/me").exchange().expectStatus().isOk();

        String newPassword = resetPassword(member);
        assertThat(newPassword).isNotEqualTo(password);
        signIn(stranger, member, password).expectStatus().isUnauthorized();
        as(member, newPassword).get().uri("/api/me").exchange().expectStatus().isOk();

        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(stranger, member, "wrong-" + attempt).expectStatus().isUnauthorized();
        }
        signIn(stranger, member, newPassword).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("login-account-locked");
        societyAdmin().post().uri("/api/society/members/{u}/unlock", member).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo(member);
        as(member, newPassword).get().uri("/api/me").exchange().expectStatus().isOk();

        List<Map<String, Object>> audit = audit(member);
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactly("account.unlocked", "login.account-locked",
                "account.password-reset", "account.enabled", "account.disabled", "account.password-reset", "account.created");
        assertThat(audit).filteredOn(entry -> !"login.account-locked".equals(entry.get("action"))).allSatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo("demo-society-admin");
            assertThat(entry.get("address")).isEqualTo("127.0.0.1");
            assertThat(entry.get("details").toString()).contains("organisation=nutrition")
                    .doesNotContain(password).doesNotContain(newPassword);
        });
    }

    private String createMember() {
        String username = "member-" + suffix;
        societyAdmin().post().uri("/api/society/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "营养学会会员")).exchange()
                .expectStatus().isCreated();
        return username;
    }

    private String resetPassword(String member) {
        return (String) societyAdmin().post().uri("/api/society/members/{u}/reset-password", member).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(JSON).returnResult().getResponseBody().get("oneTimePassword");
    }

    private List<Map<String, Object>> audit(String username) {
        return admin().get().uri("/api/admin/audit?subject=account:{u}", username).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    /**
     * A client on a loopback address of its own, for the sign-ins meant to fail: failures count per client address as
     * well, and this test's must not use up 127.0.0.1's allowance for the other tests of the run.
     */
    private WebTestClient fromOtherAddress() {
        String address = "127.1." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(2, 250);
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(
                        HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0))))
                .baseUrl("http://127.0.0.1:" + port).build();
    }

    private static WebTestClient.ResponseSpec signIn(WebTestClient client, String username, String password) {
        return client.get().uri("/api/me").headers(headers -> headers.setBasicAuth(username, password)).exchange();
    }

    private WebTestClient societyAdmin() {
        return as("demo-society-admin", DEMO);
    }

    private WebTestClient admin() {
        return as("admin", "test-admin-password");
    }

    private WebTestClient as(String username, String password) {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }

    private static Map<String, Object> work(String organisation) {
        Map<String, Object> draft = new HashMap<>(Map.of("title", "学会会员的第一篇科普", "topics", List.of("health"),
                "originality", "ORIGINAL", "licence", "CC-BY-4.0", "body", "正文"));
        return Map.of("kind", "ARTICLE", "organisation", organisation, "draft", draft);
    }
}
