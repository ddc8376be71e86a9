package org.kepu;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Event series written by {@code demo-editor} and taken through 一审 and 终审 over HTTP, as each account would. */
public final class ReviewedEvents {

    private final ReviewedWorks accounts;

    public ReviewedEvents(WebTestClient anonymous) {
        this.accounts = new ReviewedWorks(anonymous);
    }

    public WebTestClient as(String username) {
        return accounts.as(username);
    }

    /** A draft series of the association with the given fields on top of defaults; its id. */
    public String series(String title, Map<String, Object> fields) {
        Map<String, Object> form = new HashMap<>(Map.of("title", title, "summary", "面向市民的科普活动。", "description",
                "现场有科学实验展示、互动体验和专家讲座。", "topics", List.of("health"), "audience", "all"));
        form.putAll(fields);
        return (String) as("demo-editor").post().uri("/api/events/series").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    /** Adds an occurrence (at {@code district}, without registration unless {@code fields} say so); its id. */
    public String occurrence(String series, OffsetDateTime startsAt, String district, Map<String, Object> fields) {
        Map<String, Object> form = new HashMap<>(Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(2).toString(),
                "venue", Map.of("name", district + "科技馆", "address", "益阳市" + district + "人民路 1 号", "district", district,
                        "latitude", 28.55, "longitude", 112.35, "capacity", 200)));
        form.putAll(fields);
        return (String) as("demo-editor").post().uri("/api/events/series/{id}/occurrences", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(form).exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody()
                .get("id");
    }

    public Map<String, Object> registration(OffsetDateTime opensAt, OffsetDateTime closesAt, int capacity) {
        return Map.of("registration", Map.of("enabled", true, "opensAt", opensAt.toString(), "closesAt", closesAt.toString(),
                "capacity", capacity));
    }

    public void submit(String series) {
        as("demo-editor").post().uri("/api/events/series/{id}/submissions", series).exchange().expectStatus().isCreated();
    }

    /** A submission the series' status does not allow: 409 naming the status. */
    public void submit409(String series) {
        as("demo-editor").post().uri("/api/events/series/{id}/submissions", series).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-transition-invalid");
    }

    public WebTestClient.ResponseSpec decide(String reviewer, String series, String verdict, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("verdict", verdict));
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(reviewer).post().uri("/api/events/series/{id}/decisions", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** Submitted, approved at 一审 and 终审: public now. */
    public void publish(String series) {
        submit(series);
        decide("demo-reviewer-political", series, "APPROVE", null).expectStatus().isOk();
        Map<String, Object> view = decide("demo-approver", series, "APPROVE", null).expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(view.get("status")).isEqualTo("PUBLISHED");
    }
}
