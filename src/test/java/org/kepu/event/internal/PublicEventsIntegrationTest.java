package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.event.EventFilter;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.event.PublicSeries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PublicEvents} as the site and WeChat read it: filters by topic, district, audience and words, upcoming and
 * between, a series with its occurrences; drafts and series in review never appear.
 */
@KepuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicEventsIntegrationTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private final String marker = "公开测试" + UUID.randomUUID().toString().substring(0, 6);
    private final OffsetDateTime base = OffsetDateTime.now(BEIJING).plusDays(10).withHour(9).withMinute(0).withSecond(0).withNano(0);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    PublicEvents events;

    private String published;
    private String youthSeries;
    private String draft;
    private String inReview;
    private String past;
    private String heshan;
    private String ziyang;
    private String anhua;

    @BeforeAll
    void seriesInEveryState() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        published = reviewed.series("健康生活科普周" + marker, Map.of("topics", List.of("health", "food-safety")));
        ziyang = reviewed.occurrence(published, base.plusDays(2), "资阳区", Map.of());
        heshan = reviewed.occurrence(published, base, "赫山区", Map.of("title", "赫山区专场" + marker));
        past = reviewed.occurrence(published, base.minusDays(30), "赫山区", Map.of());
        reviewed.publish(published);

        youthSeries = reviewed.series("青少年机器人营" + marker, Map.of("topics", List.of("carbon"), "audience", "youth"));
        anhua = reviewed.occurrence(youthSeries, base.plusDays(1), "安化县", Map.of());
        reviewed.publish(youthSeries);

        draft = reviewed.series("草稿活动" + marker, Map.of());
        reviewed.occurrence(draft, base.plusHours(1), "赫山区", Map.of());
        inReview = reviewed.series("审核中活动" + marker, Map.of());
        reviewed.occurrence(inReview, base.plusHours(2), "赫山区", Map.of());
        reviewed.submit(inReview);
    }

    @Test
    void upcomingListsPublishedOccurrencesSoonestFirstAndNeverDrafts() {
        List<PublicOccurrence> upcoming = events.upcoming(OffsetDateTime.now(), text(marker), 50).collectList().block();
        assertThat(upcoming).extracting(PublicOccurrence::id).containsExactly(heshan, anhua, ziyang);
        assertThat(upcoming).extracting(PublicOccurrence::seriesId).doesNotContain(draft, inReview);

        PublicOccurrence first = upcoming.get(0);
        assertThat(first.title()).isEqualTo("赫山区专场" + marker);
        assertThat(first.seriesTitle()).isEqualTo("健康生活科普周" + marker);
        assertThat(first.startsAt()).isEqualTo(base).satisfies(start -> assertThat(start.getOffset()).isEqualTo(BEIJING));
        assertThat(first.venue().district()).isEqualTo("赫山区");
        assertThat(first.venue().latitude()).isEqualTo(28.55);
        assertThat(first.organiser()).isEqualTo("市科学技术协会");
        assertThat(first.topics()).containsExactly("health", "food-safety");
        assertThat(first.audience()).isEqualTo("all");
        assertThat(first.status()).isEqualTo(PublicOccurrence.Status.SCHEDULED);
        assertThat(first.change()).isNull();
        assertThat(first.path()).isEqualTo("/events/" + published + "/" + heshan);
        assertThat(upcoming.get(2).title()).as("an occurrence without its own title takes the series'")
                .isEqualTo("健康生活科普周" + marker);

        assertThat(events.upcoming(OffsetDateTime.now(), text(marker), 2).collectList().block()).hasSize(2);
        assertThat(events.upcoming(base.plusDays(1).plusHours(3), text(marker), 50).collectList().block())
                .extracting(PublicOccurrence::id).containsExactly(ziyang);
    }

    @Test
    void filtersByTopicDistrictAudienceAndWords() {
        assertThat(ids(new EventFilter("food-safety", null, null, marker))).containsExactly(heshan, ziyang);
        assertThat(ids(new EventFilter("carbon", null, null, marker))).containsExactly(anhua);
        assertThat(ids(new EventFilter(null, "资阳区", null, marker))).containsExactly(ziyang);
        assertThat(ids(new EventFilter(null, null, "youth", marker))).as("events for everyone suit the young too")
                .containsExactly(heshan, anhua, ziyang);
        assertThat(ids(new EventFilter(null, null, "elderly", marker))).containsExactly(heshan, ziyang);
        assertThat(ids(new EventFilter(null, null, "all", marker))).containsExactly(heshan, ziyang);
        assertThat(ids(text("机器人营" + marker))).as("series title").containsExactly(anhua);
        assertThat(ids(text(marker + " 安化县科技馆"))).as("every word, one of them the venue").containsExactly(anhua);
        assertThat(ids(text(marker + " 食品安全"))).as("a topic's name").containsExactly(heshan, ziyang);
        assertThat(ids(text(marker + " 人民路"))).as("the address").containsExactly(heshan, anhua, ziyang);
        assertThat(ids(text(marker + " 草稿活动"))).isEmpty();
    }

    @Test
    void betweenListsOccurrencesStartingInTheRange() {
        List<PublicOccurrence> window = events.between(base.minusDays(31), base.plusDays(1).plusMinutes(1), text(marker)).collectList().block();
        assertThat(window).extracting(PublicOccurrence::id).containsExactly(past, heshan, anhua);
        assertThat(events.between(base.plusDays(2), base.plusDays(3), text(marker)).collectList().block())
                .extracting(PublicOccurrence::id).containsExactly(ziyang);
    }

    @Test
    void seriesComesWithItsOccurrencesOnlyWhenPublished() {
        PublicSeries series = events.series(published).block();
        assertThat(series.title()).isEqualTo("健康生活科普周" + marker);
        assertThat(series.summary()).isEqualTo("面向市民的科普活动。");
        assertThat(series.organiser()).isEqualTo("市科学技术协会");
        assertThat(series.path()).isEqualTo("/events/" + published);
        assertThat(series.occurrences()).extracting(PublicOccurrence::id).containsExactly(past, heshan, ziyang);

        assertThat(events.series(draft).blockOptional()).isEmpty();
        assertThat(events.series(inReview).blockOptional()).isEmpty();
        assertThat(events.series("not-a-uuid").blockOptional()).isEmpty();
        assertThat(events.series(UUID.randomUUID().toString()).blockOptional()).isEmpty();
    }

    @Test
    void theJsonApiAnswersTheSameToAnyone() {
        String listing = anonymous.get().uri("/api/events/public/occurrences?q={q}&district=赫山区", marker).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).contains(heshan).doesNotContain(ziyang).doesNotContain(draft).doesNotContain(inReview)
                .contains("\"startsAt\":\"" + base.toLocalDate());
        String month = anonymous.get().uri("/api/events/public/occurrences?q={q}&from={from}&to={to}", marker, base.toLocalDate().minusDays(31),
                base.toLocalDate().plusDays(1)).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(month).contains(past).contains(heshan).doesNotContain(ziyang);
        anonymous.get().uri("/api/events/public/series/{id}", published).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.occurrences.length()").isEqualTo(3);
        anonymous.get().uri("/api/events/public/series/{id}", draft).exchange().expectStatus().isNotFound();
        anonymous.get().uri("/api/events/public/occurrences?audience=children").exchange().expectStatus().isEqualTo(422);
        anonymous.get().uri("/api/events/public/occurrences?from=yesterday").exchange().expectStatus().isEqualTo(422);
    }

    private List<String> ids(EventFilter filter) {
        return events.upcoming(OffsetDateTime.now(), filter, 50).map(PublicOccurrence::id).collectList().block();
    }

    private static EventFilter text(String text) {
        return new EventFilter(null, null, null, text);
    }
}
