package org.kepu;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Works of the demo society taken through the review chain over HTTP, as the accounts of each stage would. */
public final class ReviewedWorks {

    public static final String DEMO_PASSWORD = "kepu-demo-2026";
    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient anonymous;

    public ReviewedWorks(WebTestClient anonymous) {
        this.anonymous = anonymous;
    }

    public WebTestClient as(String username) {
        return as(username, username.equals("admin") ? "test-admin-password" : DEMO_PASSWORD);
    }

    public WebTestClient as(String username, String password) {
        return anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }

    /** An article of 市营养学会 written by {@code demo-society-member}. */
    public String article(String title) {
        return create("ARTICLE", draft(title, List.of()));
    }

    public String create(String kind, Map<String, Object> draft) {
        return (String) as("demo-society-member").post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", kind, "organisation", "nutrition", "draft", draft))
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    public void saveDraft(String work, Map<String, Object> draft) {
        as("demo-society-member").put().uri("/api/works/{id}/draft", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft).exchange().expectStatus().isOk();
    }

    public static Map<String, Object> draft(String title, List<String> media) {
        Map<String, Object> draft = new HashMap<>(Map.of("title", title, "topics", List.of("health"), "originality", "ORIGINAL",
                "licence", "CC-BY-NC-4.0", "body", "夏季饮食要注意生熟分开，剩菜及时冷藏。"));
        draft.put("mediaAssets", media);
        return draft;
    }

    /** Submits the draft and has every stage approve it; the case's final view. */
    public Map<String, Object> approve(String work, OffsetDateTime publishAt) {
        var request = as("demo-society-member").post().uri("/api/works/{id}/submissions", work);
        var sent = publishAt == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("publishAt", publishAt.toString())).exchange();
        String reviewCase = (String) sent.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
        Map<String, Object> decided = null;
        for (String reviewer : List.of("demo-reviewer-political", "demo-reviewer-scientific", "demo-approver")) {
            decided = as(reviewer).post().uri("/api/review/cases/{id}/decisions", reviewCase).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("verdict", "APPROVE")).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        }
        return decided;
    }

    /** Approved and public now; the published revision. */
    public int publish(String work) {
        assertThat(approve(work, null).get("status")).isEqualTo("PUBLISHED");
        return (Integer) work(work).get("publishedRevision");
    }

    public Map<String, Object> work(String work) {
        return as("demo-editor").get().uri("/api/works/{id}", work).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    public Integer publishedRevision(String work) {
        return (Integer) work(work).get("publishedRevision");
    }

    /** The audit entries of the work, newest first. */
    public List<Map<String, Object>> audit(String work) {
        return as("admin").get().uri("/api/admin/audit?subject=work:{id}", work).exchange()
                .expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
    }
}
