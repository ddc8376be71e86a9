package org.kepu.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import static org.awaitility.Awaitility.await;

/** Editors manage columns (专栏); the public site lists pinned ones first and only those inside their window. */
@KepuIntegrationTest
class ColumnsIntegrationTest {

    @Autowired
    WebTestClient anonymous;

    @Test
    void editorsCreatePinWindowAndReorderColumnsAndThePublicSiteFollows() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        WebTestClient editor = reviewed.as("demo-editor");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String slug = "winter-" + tag;
        String name = "冬季安全" + tag;

        Map<String, Object> created = editor.post().uri("/api/columns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "name", name, "description", "冬季防寒、防火与出行安全。")).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(created).containsEntry("slug", slug).containsEntry("name", name).containsEntry("pinned", false)
                .containsEntry("visibleFrom", null).containsEntry("visibleNow", true);
        List<Map<String, Object>> columns = columns(editor);
        assertThat(columns.get(columns.size() - 1)).containsEntry("slug", slug);
        List<String> original = slugs(columns);
        await().atMost(Duration.ofSeconds(5)).until(() -> page("/columns").contains(name));
        assertThat(page("/columns/" + slug)).contains(name);

        problem(editor.post().uri("/api/columns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "name", "另一个名称" + tag)).exchange(), 409, "column-exists");
        problem(editor.post().uri("/api/columns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "other-" + tag, "name", name)).exchange(), 409, "column-exists");
        problem(editor.post().uri("/api/columns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "Not A Slug", "name", "名称")).exchange(), 422, "column-slug-invalid");
        problem(editor.post().uri("/api/columns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "order", "name", "名称" + tag)).exchange(), 422, "column-slug-invalid");
        problem(editor.post().uri("/api/columns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "empty-" + tag, "name", " ")).exchange(), 422, "column-name-invalid");
        problem(editor.put().uri("/api/columns/{slug}", "no-such-" + tag).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "名称")).exchange(), 404, "column-not-found");
        problem(editor.put().uri("/api/columns/{slug}", slug).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "visibleFrom", "2026-12-02T00:00", "visibleUntil", "2026-12-01T00:00+08:00")).exchange(),
                422, "column-window-invalid");
        problem(editor.put().uri("/api/columns/{slug}", slug).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "visibleFrom", "next monday")).exchange(), 422, "column-time-invalid");
        problem(editor.put().uri("/api/columns/{slug}", slug).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "科学辟谣")).exchange(), 409, "column-exists");

        // Pinned: first on the public list and for editors.
        Map<String, Object> pinned = update(editor, slug, Map.of("name", name, "description", "置顶", "pinned", true));
        assertThat(pinned).containsEntry("pinned", true).containsEntry("description", "置顶");
        assertThat(slugs(columns(editor)).get(0)).isEqualTo(slug);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            String list = page("/columns");
            return list.contains(name) && list.indexOf(name) < list.indexOf("聚焦二十大");
        });

        // A window that opens tomorrow (a local time, read in Asia/Shanghai): hidden on the site, still listed for editors.
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0);
        Map<String, Object> later = update(editor, slug, Map.of("name", name, "pinned", true, "visibleFrom", tomorrow.toString()));
        assertThat((String) later.get("visibleFrom")).isEqualTo(tomorrow + "+08:00");
        assertThat(later).containsEntry("visibleNow", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> !page("/columns").contains(name));
        anonymous.get().uri("/columns/{slug}", slug).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        anonymous.get().uri("/columns/{slug}/feed.xml", slug).exchange().expectStatus().isNotFound();
        assertThat(slugs(columns(editor))).contains(slug);
        // A window that has closed hides it too; an open one shows it again.
        update(editor, slug, Map.of("name", name, "visibleFrom", "2026-01-01T00:00:00+08:00", "visibleUntil", "2026-02-01T00:00:00+08:00"));
        anonymous.get().uri("/columns/{slug}", slug).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        update(editor, slug, Map.of("name", name, "visibleUntil", tomorrow.toString()));
        await().atMost(Duration.ofSeconds(5)).until(() -> page("/columns").contains(name));

        // Reorder: every column once, in the new order.
        List<String> reversed = new ArrayList<>(original);
        java.util.Collections.reverse(reversed);
        List<Map<String, Object>> reordered = editor.put().uri("/api/columns/order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slugs", reversed)).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        assertThat(slugs(reordered)).isEqualTo(reversed);
        assertThat(slugs(columns(editor))).isEqualTo(reversed);
        problem(editor.put().uri("/api/columns/order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slugs", reversed.subList(1, reversed.size()))).exchange(), 422, "column-order-invalid");
        List<String> twice = new ArrayList<>(reversed);
        twice.add(reversed.get(0));
        problem(editor.put().uri("/api/columns/order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slugs", twice)).exchange(), 422, "column-order-invalid");
        assertThat(slugs(columns(editor))).isEqualTo(reversed);
        editor.put().uri("/api/columns/order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slugs", original)).exchange().expectStatus().isOk();

        List<Map<String, Object>> audit = reviewed.as("admin").get().uri("/api/admin/audit?subject=column:{slug}", slug).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).extracting(entry -> entry.get("action")).contains("column.created", "column.updated");
        assertThat(audit).allSatisfy(entry -> assertThat(entry.get("actor")).isEqualTo("demo-editor"));
        reviewed.as("demo-society-admin").get().uri("/api/columns").exchange().expectStatus().isForbidden();
    }

    private Map<String, Object> update(WebTestClient editor, String slug, Map<String, Object> change) {
        return editor.put().uri("/api/columns/{slug}", slug).contentType(MediaType.APPLICATION_JSON).bodyValue(new HashMap<>(change))
                .exchange().expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    private static List<Map<String, Object>> columns(WebTestClient editor) {
        return editor.get().uri("/api/columns").exchange().expectStatus().isOk().expectBody(ReviewedWorks.JSON_LIST)
                .returnResult().getResponseBody();
    }

    private static List<String> slugs(List<Map<String, Object>> columns) {
        return columns.stream().map(column -> (String) column.get("slug")).toList();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String code) {
        Map<String, Object> body = response.expectStatus().isEqualTo(status).expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(body).containsEntry("code", code);
        assertThat((String) body.get("detail")).isNotBlank();
    }

    private String page(String uri) {
        byte[] body = anonymous.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
