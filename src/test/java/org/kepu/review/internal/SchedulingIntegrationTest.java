package org.kepu.review.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kepu.ReviewedWorks.JSON;
import static org.kepu.ReviewedWorks.JSON_LIST;

/**
 * Unpublishing now and at a set time, the editors' schedule, moving and holding a scheduled publication,
 * and the sweeper that completes schedules whose durable job was lost (test profile: sweep every second,
 * two seconds of grace).
 */
@KepuIntegrationTest
class SchedulingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    DatabaseClient database;

    private ReviewedWorks works;
    private WebTestClient editor;

    @BeforeEach
    void accounts() {
        works = new ReviewedWorks(anonymous);
        editor = works.as("demo-editor");
    }

    @Test
    void anEditorUnpublishesAWorkWithAReasonAndAnApprovedRevisionPublishesItAgain() {
        String work = works.article("夏季食物中毒的预防");
        assertThat(works.publish(work)).isEqualTo(1);

        unpublish(editor, work, Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("work-unpublish-reason-required");
        unpublish(editor, work, Map.of("reason", "   ")).expectStatus().isEqualTo(422);
        unpublish(works.as("demo-society-member"), work, Map.of("reason", "自己下线")).expectStatus().isForbidden();
        unpublish(editor, UUID.randomUUID().toString(), Map.of("reason", "不存在")).expectStatus().isNotFound();

        unpublish(editor, work, Map.of("reason", "引用的数据已过时")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DONE")
                .jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.reason").isEqualTo("引用的数据已过时")
                .jsonPath("$.at").value(at -> assertThat((String) at).endsWith("+08:00"));
        Map<String, Object> offline = works.work(work);
        assertThat(offline.get("publishedRevision")).isNull();
        assertThat(offline.get("draftRevision")).isEqualTo(1);
        editor.get().uri("/api/works/{id}/revisions/1", work).exchange().expectStatus().isOk();

        unpublish(editor, work, Map.of("reason", "再次下线")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("work-not-published")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("UNPUBLISHED"));
        String draft = works.article("从未发布的草稿");
        unpublish(editor, draft, Map.of("reason", "下线")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("DRAFT"));

        assertThat(works.audit(work)).first().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("work.unpublished");
            assertThat(entry.get("actor")).isEqualTo("demo-editor");
            assertThat(entry.get("details").toString()).contains("引用的数据已过时");
        });

        assertThat(works.publish(work)).as("the same revision, reviewed again").isEqualTo(1);
    }

    @Test
    void aScheduledUnpublishWaitsInADurableJobAndRunsAtItsTime() {
        String work = works.article("春季花粉过敏怎么办");
        works.publish(work);

        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
        Map<String, Object> scheduled = unpublish(editor, work, Map.of("reason", "季节已过", "at", at.toString()))
                .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody();
        assertThat(scheduled.get("status")).isEqualTo("SCHEDULED");
        assertThat(OffsetDateTime.parse((String) scheduled.get("at"))).isAtSameInstantAs(at);
        assertThat((String) scheduled.get("at")).endsWith("+08:00");
        assertThat(count("SELECT count(*) AS n FROM platform_job WHERE kind = 'content.unpublish' AND status = 'QUEUED' "
                + "AND payload ->> 'unpublish' = '" + scheduled.get("id") + "'")).isEqualTo(1);
        assertThat(works.publishedRevision(work)).isEqualTo(1);

        unpublish(editor, work, Map.of("reason", "重复安排", "at", at.plusHours(1).toString())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("work-unpublish-already-scheduled");
        assertThat(schedule(editor, null, null)).filteredOn(entry -> work.equals(entry.get("work"))).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("action")).isEqualTo("UNPUBLISH");
                    assertThat(entry.get("title")).isEqualTo("春季花粉过敏怎么办");
                    assertThat(entry.get("reason")).isEqualTo("季节已过");
                    assertThat((String) entry.get("at")).endsWith("+08:00");
                });

        await().atMost(WAIT).until(() -> works.publishedRevision(work) == null);
        assertThat(works.audit(work)).first().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("work.unpublished");
            assertThat(entry.get("actor")).isEqualTo("scheduler");
        });
        assertThat(schedule(editor, null, null)).noneMatch(entry -> work.equals(entry.get("work")));
    }

    @Test
    void aCancelledUnpublishLeavesTheWorkOnlineEvenWhenItsJobRuns() {
        String work = works.article("秋冬季节进补误区");
        works.publish(work);
        String unpublish = (String) unpublish(editor, work, Map.of("reason", "活动结束后下线",
                "at", OffsetDateTime.now().plusHours(1).toString()))
                .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody().get("id");

        editor.delete().uri("/api/works/{id}/unpublish", work).exchange().expectStatus().isNoContent();
        editor.delete().uri("/api/works/{id}/unpublish", work).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("work-unpublish-not-scheduled");
        assertThat(schedule(editor, null, null)).noneMatch(entry -> work.equals(entry.get("work")));

        // The job is still queued for its time; run it now: it finds the unpublish cancelled and does nothing.
        database.sql("UPDATE platform_job SET run_at = now() WHERE kind = 'content.unpublish' AND payload ->> 'unpublish' = :id")
                .bind("id", unpublish).then().block();
        await().atMost(WAIT).until(() -> count("SELECT count(*) AS n FROM platform_job WHERE kind = 'content.unpublish' "
                + "AND status = 'SUCCEEDED' AND payload ->> 'unpublish' = '" + unpublish + "'") == 1);
        assertThat(works.publishedRevision(work)).isEqualTo(1);
        assertThat(works.audit(work)).extracting(entry -> entry.get("action"))
                .contains("work.unpublish-cancelled", "work.unpublish-scheduled").doesNotContain("work.unpublished");
    }

    @Test
    void editorsSeeUpcomingPublicationsAndUnpublishesByTimeAndOthersDoNot() {
        OffsetDateTime now = OffsetDateTime.now();
        String later = works.article("国庆假期食品安全提示");
        assertThat(works.approve(later, now.plusHours(2)).get("status")).isEqualTo("SCHEDULED");
        String sooner = works.article("中秋月饼怎么吃更健康");
        works.publish(sooner);
        unpublish(editor, sooner, Map.of("reason", "节日已过", "at", now.plusHours(1).toString())).expectStatus().isAccepted();

        List<Map<String, Object>> entries = schedule(editor, now.toString(), now.plusHours(3).toString());
        assertThat(entries).filteredOn(entry -> List.of(later, sooner).contains(entry.get("work")))
                .extracting(entry -> entry.get("action") + " " + entry.get("title") + " r" + entry.get("revision"))
                .containsExactly("UNPUBLISH 中秋月饼怎么吃更健康 r1", "PUBLISH 国庆假期食品安全提示 r1");
        assertThat(entries).extracting(entry -> OffsetDateTime.parse((String) entry.get("at")))
                .isSorted()
                .allSatisfy(at -> assertThat(at.getOffset()).isEqualTo(ZoneOffset.ofHours(8)));
        assertThat(entries).filteredOn(entry -> later.equals(entry.get("work"))).singleElement()
                .satisfies(entry -> assertThat(entry.get("organisation")).isEqualTo("nutrition"));
        assertThat(schedule(works.as("admin"), now.plusHours(90).toString(), now.plusHours(91).toString()))
                .noneMatch(entry -> List.of(later, sooner).contains(entry.get("work")));
        assertThat(schedule(editor, "2026-01-01", "2026-01-02")).isEmpty();

        works.as("demo-society-member").get().uri("/api/schedule").exchange().expectStatus().isForbidden();
        works.as("demo-approver").get().uri("/api/schedule").exchange().expectStatus().isForbidden();
        anonymous.get().uri("/api/schedule").exchange().expectStatus().isUnauthorized();
        editor.get().uri("/api/schedule?from={f}&to={t}", "2026-02-01", "2026-01-01").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("schedule-range-invalid");
        editor.get().uri("/api/schedule?from={f}", "下周一").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("schedule-time-invalid");
    }

    @Test
    void editorsMoveHoldAndResumeAScheduledPublication() {
        String work = works.article("冬季流感疫苗接种指南");
        Map<String, Object> scheduled = works.approve(work, OffsetDateTime.now().plusHours(1));
        String reviewCase = (String) scheduled.get("id");
        assertThat((String) scheduled.get("publishAt")).endsWith("+08:00");
        long firstJob = publishJob(reviewCase);

        OffsetDateTime moved = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).withNano(0);
        move(reviewCase, Map.of("publishAt", moved.toString())).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.publishAt").value(at -> assertThat(OffsetDateTime.parse((String) at)).isAtSameInstantAs(moved));
        assertThat(publishJob(reviewCase)).isNotEqualTo(firstJob);

        // The first job still waits for the old time; run it now: the case moved, so it publishes nothing.
        database.sql("UPDATE platform_job SET run_at = now() WHERE id = :id").bind("id", firstJob).then().block();
        await().atMost(WAIT).until(() -> count("SELECT count(*) AS n FROM platform_job WHERE id = " + firstJob
                + " AND status = 'SUCCEEDED'") == 1);
        assertThat(works.publishedRevision(work)).isNull();

        move(reviewCase, Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("review-publish-at-required");
        works.as("demo-approver").put().uri("/api/review/cases/{id}/schedule", reviewCase).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("publishAt", moved.toString())).exchange().expectStatus().isForbidden();

        editor.delete().uri("/api/review/cases/{id}/schedule", reviewCase).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED").jsonPath("$.publishAt").doesNotExist();
        editor.delete().uri("/api/review/cases/{id}/schedule", reviewCase).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("APPROVED"));
        assertThat(schedule(editor, null, null)).noneMatch(entry -> work.equals(entry.get("work")));

        move(reviewCase, Map.of("publishAt", OffsetDateTime.now().plusSeconds(3).toString())).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(works.publishedRevision(work)));
        move(reviewCase, Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("review-not-scheduled")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("PUBLISHED"));
        assertThat(works.audit(work)).extracting(entry -> entry.get("action"))
                .contains("review.schedule-moved", "review.schedule-cancelled", "work.published");
    }

    @Test
    void aHeldApprovalIsPublishedAtOnceOrSupersededByANewerSubmission() {
        String now = works.article("家庭常备药品清单");
        String nowCase = (String) works.approve(now, OffsetDateTime.now().plusHours(1)).get("id");
        move(nowCase, Map.of("publishAt", OffsetDateTime.now().minusMinutes(1).toString())).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        assertThat(works.publishedRevision(now)).isEqualTo(1);
        assertThat(works.audit(now)).extracting(entry -> entry.get("action")).contains("review.published-now");

        String held = works.article("儿童用药安全");
        String heldCase = (String) works.approve(held, OffsetDateTime.now().plusHours(1)).get("id");
        editor.delete().uri("/api/review/cases/{id}/schedule", heldCase).exchange().expectStatus().isOk();
        works.saveDraft(held, ReviewedWorks.draft("儿童用药安全（修订）", List.of()));
        works.as("demo-society-member").post().uri("/api/works/{id}/submissions", held).exchange().expectStatus().isCreated();
        editor.get().uri("/api/review/cases/{id}", heldCase).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SUPERSEDED");
        move(heldCase, Map.of("publishAt", OffsetDateTime.now().toString())).expectStatus().isEqualTo(409);
        assertThat(works.publishedRevision(held)).isNull();
    }

    @Test
    void theSweeperCompletesSchedulesWhoseJobWasLost() {
        String toPublish = works.article("高温天气防中暑");
        String reviewCase = (String) works.approve(toPublish, OffsetDateTime.now().plusSeconds(3)).get("id");
        long lostPublish = publishJob(reviewCase);

        String toUnpublish = works.article("台风天出行安全");
        works.publish(toUnpublish);
        String unpublish = (String) unpublish(editor, toUnpublish, Map.of("reason", "台风已过境",
                "at", OffsetDateTime.now().plusSeconds(3).toString()))
                .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody().get("id");

        // Both jobs are lost, as if their rows had been deleted by hand.
        database.sql("DELETE FROM platform_job WHERE id = :id OR (kind = 'content.unpublish' AND payload ->> 'unpublish' = :unpublish)")
                .bind("id", lostPublish).bind("unpublish", unpublish).fetch().rowsUpdated().block();

        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(works.publishedRevision(toPublish)));
        editor.get().uri("/api/review/cases/{id}", reviewCase).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        assertThat(works.audit(toPublish)).extracting(entry -> entry.get("action") + " by " + entry.get("actor"))
                .startsWith("review.published-by-sweeper by sweeper", "work.published by sweeper");

        await().atMost(WAIT).until(() -> works.publishedRevision(toUnpublish) == null);
        assertThat(works.audit(toUnpublish)).extracting(entry -> entry.get("action") + " by " + entry.get("actor"))
                .startsWith("work.unpublished-by-sweeper by sweeper", "work.unpublished by sweeper");
    }

    private WebTestClient.ResponseSpec unpublish(WebTestClient client, String work, Map<String, Object> body) {
        return client.post().uri("/api/works/{id}/unpublish", work).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec move(String reviewCase, Map<String, Object> body) {
        return editor.put().uri("/api/review/cases/{id}/schedule", reviewCase).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private List<Map<String, Object>> schedule(WebTestClient client, String from, String to) {
        Map<String, String> range = new java.util.HashMap<>();
        if (from != null) {
            range.put("from", from);
        }
        if (to != null) {
            range.put("to", to);
        }
        return client.get().uri(builder -> {
                    builder.path("/api/schedule");
                    range.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
                    return builder.build(range);
                })
                .exchange().expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
    }

    private long publishJob(String reviewCase) {
        return database.sql("SELECT publish_job FROM review_case WHERE id = CAST(:id AS uuid)").bind("id", reviewCase)
                .map(row -> row.get("publish_job", Long.class)).one().block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}
