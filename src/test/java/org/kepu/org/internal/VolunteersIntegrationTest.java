package org.kepu.org.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.org.Volunteer;
import org.kepu.org.VolunteerId;
import org.kepu.org.Volunteers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The volunteer directory through its staff API and its public Java API, against the real database. */
@KepuIntegrationTest
class VolunteersIntegrationTest {

    private static final String DEMO = "kepu-demo-2026";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient anonymous;
    @Autowired
    Volunteers directory;

    /** Keeps each test's volunteers apart from those of other tests in the shared database. */
    private final String marker = "志" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void staffFindVolunteersByEachFilterAndPageThroughThem() {
        WebTestClient editor = as("demo-editor");
        Map<String, Object> guide = create(editor, volunteer("李明" + marker, "138 0737 1234", List.of("讲解", "机器人"),
                List.of("赫山区"), List.of("WEEKEND", "holiday"), "nutrition"));
        String photographer = id(create(editor, volunteer("王芳" + marker, "0737-4221234", List.of("摄影", "急救"),
                List.of("资阳区", "南县"), List.of("WEEKDAY", "EVENING"), null)));
        String medic = id(create(editor, volunteer("赵强" + marker, "+86 139-0000-1111", List.of("急救"),
                List.of("安化县"), List.of("WEEKEND"), null)));

        assertThat(guide.get("phone")).isEqualTo("13807371234");
        assertThat(guide.get("organisation")).isEqualTo("nutrition");
        assertThat(guide.get("availability")).isEqualTo(List.of("WEEKEND", "HOLIDAY"));
        assertThat(guide.get("active")).isEqualTo(true);
        assertThat(guide.get("version")).isEqualTo(1);
        String guideId = id(guide);

        assertThat(names(editor, "skill=急救")).containsExactlyInAnyOrder("王芳" + marker, "赵强" + marker);
        assertThat(names(editor, "district=赫山区")).containsExactly("李明" + marker);
        assertThat(names(editor, "district=南县")).containsExactly("王芳" + marker);
        assertThat(names(editor, "availability=weekend")).containsExactlyInAnyOrder("李明" + marker, "赵强" + marker);
        assertThat(names(editor, "availability=EVENING&skill=摄影")).containsExactly("王芳" + marker);
        assertThat(ids(editor, "text=李明" + marker)).containsExactly(guideId);
        // A % in the text is a character, not a wildcard.
        editor.get().uri("/api/volunteers?text={text}", marker + "%").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        editor.get().uri("/api/volunteers?text={text}", marker).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(3);

        editor.post().uri("/api/volunteers/{id}/deactivate", medic).exchange().expectStatus().isOk();
        assertThat(ids(editor, "active=false")).containsExactly(medic);
        assertThat(ids(editor, "active=true")).containsExactlyInAnyOrder(guideId, photographer);

        Map<String, Object> first = page(editor, "text=" + marker + "&size=2&page=0");
        Map<String, Object> second = page(editor, "text=" + marker + "&size=2&page=1");
        assertThat(first.get("total")).isEqualTo(3);
        assertThat(second.get("total")).isEqualTo(3);
        assertThat((List<?>) first.get("items")).hasSize(2);
        assertThat((List<?>) second.get("items")).hasSize(1);
        assertThat(idsOf(first)).doesNotContainAnyElementsOf(idsOf(second));
        assertThat(page(editor, "text=" + marker + "&size=2&page=5").get("items")).isEqualTo(List.of());

        as("admin", "test-admin-password").get().uri("/api/volunteers/{id}", guideId).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.phone").isEqualTo("13807371234");
    }

    @Test
    void aChangeMadeOnAnOlderVersionIsRefusedAndLosesNothing() {
        WebTestClient editor = as("demo-editor");
        Map<String, Object> form = volunteer("陈静" + marker, "13912345678", List.of("讲解"), List.of("桃江县"), List.of("WEEKEND"), null);
        String id = id(create(editor, form));

        Map<String, Object> first = new HashMap<>(form);
        first.put("skills", List.of("讲解", "急救"));
        editor.put().uri("/api/volunteers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(first).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.skills[1]").isEqualTo("急救");

        Map<String, Object> late = new HashMap<>(form);
        late.put("notes", "周末可带队");
        as("admin", "test-admin-password").put().uri("/api/volunteers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(late).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("volunteer-stale")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("第 1 版").contains("第 2 版"));
        editor.get().uri("/api/volunteers/{id}", id).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.skills[1]").isEqualTo("急救").jsonPath("$.notes").isEqualTo("");

        editor.put().uri("/api/volunteers/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(late).exchange()
                .expectStatus().isEqualTo(428).expectBody().jsonPath("$.code").isEqualTo("volunteer-version-required");
        late.put("version", 2);
        late.put("skills", List.of("讲解", "急救"));
        editor.put().uri("/api/volunteers/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(late).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3).jsonPath("$.notes").isEqualTo("周末可带队");
        editor.put().uri("/api/volunteers/{id}", id).header(HttpHeaders.IF_MATCH, "\"3\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(late).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);

        List<Map<String, Object>> audit = audit(id);
        assertThat(audit).extracting(entry -> entry.get("action"))
                .containsExactly("volunteer.updated", "volunteer.updated", "volunteer.created");
        assertThat(audit.get(0).get("details").toString()).contains("notes").doesNotContain("skills");
        assertThat(audit.get(1).get("details").toString()).contains("skills");
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo("demo-editor");
            assertThat(entry.get("details").toString()).doesNotContain("13912345678");
        });
    }

    @Test
    void invalidFieldsAre422NamingTheFieldAndStoreNothing() {
        WebTestClient editor = as("demo-editor");
        expectInvalid(editor, volunteer("孙悦" + marker, "13912345678", List.of(), List.of("长沙县"), List.of(), null),
                "volunteer-district-unknown", "districts", "长沙县");
        expectInvalid(editor, volunteer("孙悦" + marker, "12345", List.of(), List.of("南县"), List.of(), null),
                "volunteer-phone-invalid", "phone", "12345");
        expectInvalid(editor, volunteer("  ", "13912345678", List.of(), List.of("南县"), List.of(), null),
                "volunteer-name-required", "name", "");
        expectInvalid(editor, volunteer("孙悦" + marker, "13912345678", List.of(), List.of("南县"), List.of("SOMETIMES"), null),
                "volunteer-availability-unknown", "availability", "SOMETIMES");
        expectInvalid(editor, volunteer("孙悦" + marker, "13912345678", List.of(), List.of("南县"), List.of(), "no-such-society"),
                "volunteer-organisation-unknown", "organisation", "no-such-society");
        expectInvalid(editor, volunteer("孙悦" + marker, "13912345678", List.of("一个非常非常长的技能标签超过二十个字符的那种"), List.of(),
                List.of(), null), "volunteer-skill-too-long", "skills", "");
        editor.post().uri("/api/volunteers").header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(volunteer("Sun" + marker, "555", List.of(), List.of(), List.of(), null)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("phone number (phone)"));
        editor.get().uri("/api/volunteers?district=长沙县").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("volunteer-district-unknown");
        editor.get().uri("/api/volunteers?size=1000").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("volunteer-page-invalid");

        assertThat(page(editor, "text=" + marker).get("total")).isEqualTo(0);

        String account = "vol-" + marker.substring(1);
        Map<String, Object> withAccount = volunteer("孙悦" + marker, "13912345678", List.of(), List.of(), List.of(), null);
        withAccount.put("account", account);
        create(editor, withAccount);
        editor.post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON).bodyValue(withAccount).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("volunteer-account-taken");
        assertThat(page(editor, "text=" + marker).get("total")).isEqualTo(1);
    }

    @Test
    void deactivationIsAuditedAndHappensOnce() {
        WebTestClient editor = as("demo-editor");
        String id = id(create(editor, volunteer("周航" + marker, "13700001111", List.of("机器人"), List.of("沅江市"),
                List.of("HOLIDAY"), null)));

        editor.post().uri("/api/volunteers/{id}/deactivate", id).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.active").isEqualTo(false);
        editor.post().uri("/api/volunteers/{id}/deactivate", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("volunteer-already-inactive")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("停用"));
        editor.post().uri("/api/volunteers/{id}/deactivate", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("volunteer-not-found");
        editor.get().uri("/api/volunteers/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();

        assertThat(audit(id)).extracting(entry -> entry.get("action")).containsExactly("volunteer.deactivated", "volunteer.created");
        assertThat(audit(id)).allSatisfy(entry -> assertThat(entry.get("address")).isEqualTo("127.0.0.1"));
    }

    @Test
    void onlyStaffReadTheDirectoryWithItsPhoneNumbers() {
        String id = id(create(as("demo-editor"), volunteer("吴桐" + marker, "13600002222", List.of(), List.of(), List.of(), null)));
        for (String other : List.of("demo-society-admin", "demo-society-member", "demo-reviewer-scientific", "demo-approver")) {
            as(other).get().uri("/api/volunteers/{id}", id).exchange()
                    .expectStatus().isForbidden()
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain("13600002222"));
            as(other).get().uri("/api/volunteers?text={t}", marker).exchange().expectStatus().isForbidden();
        }
        anonymous.get().uri("/api/volunteers/{id}", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void otherModulesFindAndSearchVolunteersThroughThePublicApi() {
        String id = id(create(as("demo-editor"), volunteer("郑源" + marker, "13500003333", List.of("摄影"), List.of("大通湖区"),
                List.of("EVENING"), "youth-tech")));

        Volunteer found = directory.find(new VolunteerId(UUID.fromString(id))).block();
        assertThat(found).isNotNull();
        assertThat(found.organisation()).isEqualTo("youth-tech");
        assertThat(found.availability()).containsExactly(Volunteer.Availability.EVENING);
        assertThat(directory.find(new VolunteerId(UUID.randomUUID())).blockOptional()).isEmpty();

        Volunteers.Page page = directory.search(new Volunteers.Filter("摄影", "大通湖区", Volunteer.Availability.EVENING, true, marker),
                0, 10).block();
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).extracting(volunteer -> volunteer.id().value().toString()).containsExactly(id);
        assertThat(directory.search(new Volunteers.Filter(null, "资阳区", null, true, marker), 0, 10).block().total()).isZero();
    }

    private void expectInvalid(WebTestClient editor, Map<String, Object> form, String code, String field, String value) {
        editor.post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("（" + field + "）").contains(value));
    }

    private Map<String, Object> create(WebTestClient staff, Map<String, Object> form) {
        return staff.post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> page(WebTestClient staff, String query) {
        return staff.get().uri("/api/volunteers?" + query).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** Names found by {@code query}, among this test's volunteers. */
    @SuppressWarnings("unchecked")
    private List<String> names(WebTestClient staff, String query) {
        return ((List<Map<String, Object>>) page(staff, query + "&text=" + marker).get("items")).stream()
                .map(item -> (String) item.get("name")).toList();
    }

    private List<String> ids(WebTestClient staff, String query) {
        return idsOf(page(staff, query.startsWith("text=") ? query : query + "&text=" + marker));
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsOf(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(VolunteersIntegrationTest::id).toList();
    }

    private List<Map<String, Object>> audit(String id) {
        return as("admin", "test-admin-password").get().uri("/api/admin/audit?subject=volunteer:{id}", id).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private static Map<String, Object> volunteer(String name, String phone, List<String> skills, List<String> districts,
                                                 List<String> availability, String organisation) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("phone", phone);
        form.put("skills", skills);
        form.put("districts", districts);
        form.put("availability", availability);
        form.put("organisation", organisation);
        return form;
    }

    private static String id(Map<String, Object> volunteer) {
        return (String) volunteer.get("id");
    }

    private WebTestClient as(String username) {
        return as(username, DEMO);
    }

    private WebTestClient as(String username, String password) {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }
}
