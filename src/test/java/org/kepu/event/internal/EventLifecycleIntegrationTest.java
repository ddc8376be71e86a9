package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.kepu.event.PublicEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A series from draft through the sensitive-word screen, 一审 and 终审 to published, and every step it may not take. */
@KepuIntegrationTest
class EventLifecycleIntegrationTest {

    private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withNano(0);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    PublicEvents events;

    @Test
    void draftToPublishedWithFlaggedWordsChangesRequestedAndNamedSignOffs() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("科学健身讲座", Map.of("description", "专家告诉你，锻炼不能包治百病。"));
        reviewed.occurrence(series, start, "赫山区", Map.of());

        Map<String, Object> submission = reviewed.as("demo-editor").post().uri("/api/events/series/{id}/submissions", series).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(submission.get("blocked")).isEqualTo(false);
        assertThat(submission.get("hits").toString()).as("a FLAG word warns and is kept").contains("包治百病").contains("FLAG")
                .contains("description");
        assertThat(view(series)).containsEntry("status", "REVIEW").containsEntry("stage", "POLITICAL");

        // While in review it is frozen.
        reviewed.as("demo-editor").put().uri("/api/events/series/{id}", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "改名")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-transition-invalid").jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains("审核中").contains("REVIEW"));
        reviewed.submit409(series);

        reviewed.decide("demo-approver", series, "APPROVE", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("event-review-wrong-stage");
        reviewed.decide("demo-reviewer-political", series, "REQUEST_CHANGES", " ").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("event-reason-required");
        reviewed.decide("demo-reviewer-political", series, "REQUEST_CHANGES", "请删去“包治百病”的说法").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DRAFT");

        reviewed.as("demo-editor").put().uri("/api/events/series/{id}", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "科学健身讲座", "description", "专家讲解科学锻炼的方法。", "topics", List.of("health")))
                .exchange().expectStatus().isOk();
        reviewed.submit(series);
        reviewed.decide("demo-reviewer-political", series, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("FINAL");
        reviewed.decide("demo-reviewer-political", series, "APPROVE", null).expectStatus().isForbidden();
        reviewed.decide("demo-editor", series, "APPROVE", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("event-review-own-submission");
        assertThat(events.series(series).blockOptional()).as("not public before 终审").isEmpty();

        Map<String, Object> published = reviewed.decide("demo-approver", series, "APPROVE", null).expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(published).containsEntry("status", "PUBLISHED").containsEntry("publishedBy", "demo-approver");
        assertThat(published.get("decisions").toString()).contains("demo-reviewer-political").contains("demo-approver")
                .contains("请删去“包治百病”的说法");
        assertThat(published.get("submissions")).asList().hasSize(2);
        assertThat(events.series(series).block().title()).isEqualTo("科学健身讲座");

        reviewed.decide("demo-approver", series, "APPROVE", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("PUBLISHED"));
        reviewed.as("demo-editor").post().uri("/api/events/series/{id}/occurrences", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isEqualTo(422);
        reviewed.as("demo-editor").put().uri("/api/events/series/{id}", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "悄悄改名")).exchange().expectStatus().isEqualTo(409);

        String audit = reviewed.as("admin").get().uri("/api/admin/audit?subject=event-series:{id}&limit=50", series).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(audit).contains("event.series-created").contains("event.submitted").contains("event.decided")
                .contains("event.published").contains("event.series-updated");
    }

    @Test
    void aBlockWordStopsTheSubmissionAndKeepsTheHits() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("夜市活动", Map.of());
        reviewed.occurrence(series, start, "资阳区", Map.of("description", "现场出售冰毒检测试剂"));
        reviewed.as("demo-editor").post().uri("/api/events/series/{id}/submissions", series).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("event-screen-blocked")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("出售冰毒"));
        Map<String, Object> view = view(series);
        assertThat(view).containsEntry("status", "DRAFT");
        assertThat(view.get("submissions").toString()).contains("blocked=true").contains("occurrences[0].description");
    }

    @Test
    void rejectionEndsTheSeries() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("不合适的活动", Map.of());
        reviewed.occurrence(series, start, "南县", Map.of());
        reviewed.as("demo-editor").post().uri("/api/events/series/{id}/decisions", series).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "APPROVE")).exchange().expectStatus().isEqualTo(409);
        reviewed.submit(series);
        reviewed.decide("demo-reviewer-political", series, "REJECT", null).expectStatus().isEqualTo(422);
        reviewed.decide("demo-reviewer-political", series, "REJECT", "与科普无关").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        reviewed.decide("demo-reviewer-political", series, "APPROVE", null).expectStatus().isEqualTo(409);
        reviewed.submit409(series);
    }

    @Test
    void societyAdministratorsWriteOnlyTheirOwnSocietysSeries() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        reviewed.as("demo-society-admin").post().uri("/api/events/series").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "别的学会的活动", "organisation", "medical")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("event-other-organisation");
        String own = (String) reviewed.as("demo-society-admin").post().uri("/api/events/series").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "营养学会健康讲座")).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        assertThat(view(own).get("organisation").toString()).contains("nutrition");
        String editors = reviewed.series("市科协的活动", Map.of());
        reviewed.as("demo-society-admin").get().uri("/api/events/series/{id}", editors).exchange().expectStatus().isForbidden();
        reviewed.as("demo-society-admin").put().uri("/api/events/series/{id}", editors).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "改", "organisation", "nutrition")).exchange().expectStatus().isForbidden();
        assertThat(reviewed.as("demo-society-admin").get().uri("/api/events/series").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains(own).doesNotContain(editors);
    }

    @Test
    void formsAreCheckedFieldByField() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("表单检查", Map.of());
        Map<String, String> wrong = Map.of(
                "{\"title\":\"\"}", "event-field-required",
                "{\"title\":\"t\",\"audience\":\"kids\"}", "event-audience-unknown",
                "{\"title\":\"t\",\"topics\":[\"astrology\"]}", "event-topic-unknown",
                "{\"title\":\"t\",\"organisation\":\"nobody\"}", "event-organisation-unknown",
                "{\"title\":\"t\",\"coverUrl\":\"javascript:alert(1)\"}", "event-cover-url-invalid");
        wrong.forEach((body, code) -> reviewed.as("demo-editor").put().uri("/api/events/series/{id}", series)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo(code));
        String venue = "\"venue\":{\"name\":\"馆\",\"district\":\"南县\"}";
        Map<String, String> occurrences = Map.of(
                "{\"startsAt\":\"2027-01-02T10:00+08:00\",\"endsAt\":\"2027-01-02T09:00+08:00\"," + venue + "}", "event-times-invalid",
                "{\"startsAt\":\"2027-01-02T10:00+08:00\",\"endsAt\":\"2027-01-02T12:00+08:00\"}", "event-field-required",
                "{\"startsAt\":\"2027-01-02T10:00+08:00\",\"endsAt\":\"2027-01-02T12:00+08:00\"," + venue
                        + ",\"registration\":{\"enabled\":true,\"opensAt\":\"2027-01-01T10:00+08:00\",\"closesAt\":\"2027-01-03T10:00+08:00\",\"capacity\":5}}",
                "event-registration-window-invalid",
                "{\"startsAt\":\"2027-01-02T10:00+08:00\",\"endsAt\":\"2027-01-02T12:00+08:00\"," + venue
                        + ",\"registration\":{\"enabled\":true,\"opensAt\":\"2027-01-01T10:00+08:00\",\"closesAt\":\"2027-01-02T10:00+08:00\"}}",
                "event-capacity-invalid");
        occurrences.forEach((body, code) -> reviewed.as("demo-editor").post().uri("/api/events/series/{id}/occurrences", series)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo(code));
        reviewed.as("demo-editor").post().uri("/api/events/series/{id}/submissions", series).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("event-no-occurrences");
    }

    private Map<String, Object> view(String series) {
        return new ReviewedEvents(anonymous).as("demo-editor").get().uri("/api/events/series/{id}", series).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }
}
