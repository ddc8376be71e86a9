package org.kepu.org.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators register a society and edit its name and contact; the contact never reaches the public list. */
@KepuIntegrationTest
class OrganisationAdminIntegrationTest {

    @Autowired
    WebTestClient anonymous;

    @Test
    void anAdministratorRegistersASocietyThatOwnsWorksAndEditsItsContact() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        WebTestClient admin = reviewed.as("admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String slug = "physics-" + tag;

        Map<String, Object> created = admin.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "name", "市物理学会" + tag,
                        "contact", Map.of("name", "王老师", "phone", "0737-1234567", "email", "physics@example.org")))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(created).containsEntry("slug", slug).containsEntry("kind", "SOCIETY").containsEntry("name", "市物理学会" + tag);
        assertThat((Map<String, Object>) created.get("contact")).containsEntry("name", "王老师").containsEntry("phone", "0737-1234567");
        String id = (String) created.get("id");

        String publicList = new String(anonymous.get().uri("/api/organisations").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(publicList).contains(slug).doesNotContain("0737-1234567").doesNotContain("王老师");
        // The new society can own works.
        reviewed.as("demo-editor").post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", slug, "draft", ReviewedWorks.draft("物理学会的作品", List.of())))
                .exchange().expectStatus().isCreated();

        Map<String, Object> change = new HashMap<>(Map.of("name", "市物理学会（更名）" + tag, "contact", Map.of("name", "李老师")));
        Map<String, Object> updated = admin.put().uri("/api/organisations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change).exchange().expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(updated).containsEntry("slug", slug).containsEntry("name", "市物理学会（更名）" + tag);
        assertThat((Map<String, Object>) updated.get("contact")).containsEntry("name", "李老师").containsEntry("phone", "");
        List<Map<String, Object>> adminList = admin.get().uri("/api/admin/organisations").exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        assertThat(adminList).filteredOn(row -> slug.equals(row.get("slug"))).singleElement()
                .satisfies(row -> assertThat((Map<String, Object>) row.get("contact")).containsEntry("name", "李老师"));

        problem(admin.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "name", "别的名称" + tag)).exchange(), 409, "organisation-exists");
        problem(admin.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "other-" + tag, "name", "市营养学会")).exchange(), 409, "organisation-exists");
        problem(admin.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "Bad Slug", "name", "名称")).exchange(), 422, "organisation-slug-invalid");
        problem(admin.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "ok-" + tag, "name", "")).exchange(), 422, "organisation-name-invalid");
        problem(admin.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "ok-" + tag, "name", "名称" + tag, "contact", Map.of("email", "not-an-address"))).exchange(),
                422, "organisation-contact-invalid");
        problem(admin.put().uri("/api/organisations/{id}", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "名称")).exchange(), 404, "organisation-not-found");
        problem(admin.put().uri("/api/organisations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "市医学会")).exchange(), 409, "organisation-exists");

        List<Map<String, Object>> audit = admin.get().uri("/api/admin/audit?subject=organisation:{slug}", slug).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactlyInAnyOrder("organisation.created", "organisation.updated");
        reviewed.as("demo-editor").post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "editor-" + tag, "name", "编辑建的" + tag)).exchange().expectStatus().isForbidden();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String code) {
        Map<String, Object> body = response.expectStatus().isEqualTo(status).expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(body).containsEntry("code", code);
    }
}
