package org.kepu.event.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.event.EventFilter;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.event.PublicSeries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample events of an embedded installation: published through the console's own paths, found by the public
 * API, with their announced changes, imported once. (The test profile turns the first-start job off; the importer
 * is the job's whole work.)
 */
@KepuIntegrationTest
class EventSamplesIntegrationTest {

    @Autowired
    EventSamples samples;
    @Autowired
    PublicEvents events;
    @Autowired
    DatabaseClient database;

    @Test
    void samplesArePublishedOnceWithTheirChanges() {
        // The first-start job of another test context (SampleImportIntegrationTest turns samples on) may have run.
        long before = database.sql("SELECT count(*) AS n FROM event_sample").map(row -> row.get("n", Long.class)).one().block();
        assertThat(samples.importAll().block()).isEqualTo(6 - before);
        assertThat(samples.importAll().block()).as("a rerun imports nothing").isZero();

        List<PublicOccurrence> tour = between(EventFilter.NONE).stream().filter(o -> o.seriesTitle().startsWith("中国流动科技馆")).toList();
        assertThat(tour).extracting(o -> o.venue().district()).containsExactly("赫山区", "资阳区", "沅江市", "南县", "桃江县", "安化县");
        PublicOccurrence yuanjiang = tour.get(2);
        assertThat(yuanjiang.status()).isEqualTo(PublicOccurrence.Status.RESCHEDULED);
        assertThat(yuanjiang.startsAt()).isEqualTo(OffsetDateTime.parse("2026-12-15T09:00+08:00"));
        assertThat(yuanjiang.change()).contains("推迟一天");

        PublicOccurrence datong = between(new EventFilter(null, "大通湖区", null, "大篷车")).get(0);
        assertThat(datong.status()).isEqualTo(PublicOccurrence.Status.CANCELLED);
        assertThat(datong.change()).contains("寒潮");

        assertThat(between(new EventFilter("minors", null, "youth", null))).extracting(PublicOccurrence::title)
                .contains("作品申报说明会", "终评展示（公众开放）", "颁奖典礼");
        PublicOccurrence lecture = between(new EventFilter(null, null, "elderly", "冬季饮食")).get(0);
        assertThat(lecture.organiser()).isEqualTo("市营养学会");
        Instant now = Instant.now();
        assertThat(lecture.registrationOpen()).isEqualTo(now.isAfter(Instant.parse("2026-11-20T01:00:00Z"))
                && now.isBefore(Instant.parse("2026-12-18T10:00:00Z")));

        PublicSeries day = events.series(between(new EventFilter(null, null, null, "全国科普日")).get(0).seriesId()).block();
        assertThat(day.title()).isEqualTo("2026年全国科普日益阳市主场活动");
        assertThat(day.occurrences()).hasSize(3);
        assertThat(between(new EventFilter(null, null, null, "科技活动周"))).extracting(o -> o.startsAt().getYear()).containsOnly(2027);
    }

    private List<PublicOccurrence> between(EventFilter filter) {
        return events.between(OffsetDateTime.parse("2026-09-01T00:00+08:00"), OffsetDateTime.parse("2027-06-01T00:00+08:00"), filter)
                .collectList().block();
    }
}
