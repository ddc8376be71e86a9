package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.testing.Ical4jCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendars, written by biweekly and read back by ical4j: VTIMEZONE and local times of Asia/Shanghai, stable
 * UIDs, SEQUENCE raised by announced changes, STATUS:CANCELLED, registration windows as entries of their own, the
 * feeds per series and topic, and the registrant's own entry. The changes are announced and shown, never silent.
 */
@KepuIntegrationTest
class CalendarIntegrationTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    PublicEvents events;

    private final OffsetDateTime start = OffsetDateTime.now(BEIJING).plusDays(12).withHour(9).withMinute(30).withSecond(0).withNano(0);

    @Test
    void feedsCarryTheZoneStableUidsAndAnnouncedChanges() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("流动科技馆巡展" + marker, Map.of("topics", List.of("carbon")));
        String stop = reviewed.occurrence(series, start, "沅江市", reviewed.registration(OffsetDateTime.now().minusDays(1), start.minusDays(1), 30));
        String other = reviewed.occurrence(series, start.plusDays(7), "南县", Map.of());
        String draft = reviewed.series("未发布的巡展" + marker, Map.of("topics", List.of("carbon")));
        String draftStop = reviewed.occurrence(draft, start, "赫山区", Map.of());
        assertThat(get("/api/events/public/series/" + series + "/calendar.ics", 404)).contains("event-series-not-found");
        reviewed.publish(series);

        String seriesFeed = get("/api/events/public/series/" + series + "/calendar.ics", 200);
        Ical4jCalendar parsed = Ical4jCalendar.parse(seriesFeed);
        assertThat(parsed.timeZones()).containsExactly("Asia/Shanghai");
        assertThat(seriesFeed).contains("TZOFFSETTO:+0800").contains("DTSTART;TZID=Asia/Shanghai:"
                + start.toLocalDate().toString().replace("-", "") + "T093000");
        assertThat(parsed.property("X-WR-CALNAME")).isEqualTo("流动科技馆巡展" + marker);
        assertThat(parsed.events()).hasSize(3);
        Ical4jCalendar.Event entry = parsed.event("occurrence-" + stop + "@events.kepu");
        assertThat(entry.start()).isEqualTo(start.toInstant());
        assertThat(entry.end()).isEqualTo(start.plusHours(2).toInstant());
        assertThat(entry.startZone()).isEqualTo("Asia/Shanghai");
        assertThat(entry.sequence()).isZero();
        assertThat(entry.status()).isEqualTo("CONFIRMED");
        assertThat(entry.location()).contains("沅江市").contains("人民路");
        assertThat(entry.geo()).isEqualTo("28.55;112.35");
        assertThat(entry.categories()).isEqualTo("双碳");
        assertThat(entry.description()).contains("主办：市科学技术协会").contains("/events/" + series + "/" + stop);
        Ical4jCalendar.Event window = parsed.event("registration-window-" + stop + "@events.kepu");
        assertThat(window.summary()).isEqualTo("报名：流动科技馆巡展" + marker);
        assertThat(window.end()).isEqualTo(start.minusDays(1).toInstant());
        assertThat(window.transparency()).isEqualTo("TRANSPARENT");

        String registrationToken = (String) anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", stop)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "日历用户", "phone", "15807370001")).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("token");
        String cancelledToken = (String) anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", stop)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "退出用户", "phone", "15807370002")).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("token");
        anonymous.delete().uri("/api/events/public/registrations/{token}", cancelledToken).exchange().expectStatus().isOk();

        // Rescheduled: announced, shown as such, SEQUENCE 1, same UID.
        OffsetDateTime later = start.plusDays(1).withHour(14).withMinute(0);
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", stop).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "RESCHEDULED", "startsAt", later.toString(), "endsAt", later.plusHours(3).toString(),
                        "announcement", "因场馆检修，改期至次日下午。")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESCHEDULED").jsonPath("$.sequence").isEqualTo(1)
                .jsonPath("$.changes[0].before.startsAt").isEqualTo(start.toString())
                .jsonPath("$.changes[0].after.startsAt").isEqualTo(later.toString());
        PublicOccurrence rescheduled = events.series(series).block().occurrences().stream().filter(o -> o.id().equals(stop)).findFirst().orElseThrow();
        assertThat(rescheduled.status()).isEqualTo(PublicOccurrence.Status.RESCHEDULED);
        assertThat(rescheduled.change()).isEqualTo("因场馆检修，改期至次日下午。");
        assertThat(rescheduled.startsAt()).isEqualTo(later);
        Ical4jCalendar.Event moved = Ical4jCalendar.parse(get("/api/events/public/series/" + series + "/calendar.ics", 200))
                .event("occurrence-" + stop + "@events.kepu");
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.start()).isEqualTo(later.toInstant());
        assertThat(moved.summary()).startsWith("【已改期】");
        assertThat(moved.description()).contains("变更公告：因场馆检修");

        Map<String, Object> registration = anonymous.get().uri("/api/events/public/registrations/{token}", registrationToken).exchange()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(registration.get("notices").toString()).contains("RESCHEDULED").contains("改期").contains("14:00–17:00");
        assertThat(registration.get("confirmation").toString()).contains("14:00–17:00");
        assertThat(anonymous.get().uri("/api/events/public/registrations/{token}", cancelledToken).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("notices").toString())
                .as("a cancelled registration hears of no later change").contains("CANCELLED").doesNotContain("RESCHEDULED");

        // Moved, then cancelled: STATUS:CANCELLED and SEQUENCE 3; the registration ends with a notice.
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", stop).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "MOVED", "venue", Map.of("name", "沅江市第一中学体育馆", "district", "沅江市", "address", "沅江市琼湖路"),
                        "announcement", "场地变更至第一中学体育馆。")).exchange().expectStatus().isOk();
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", stop).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "受寒潮影响，本站巡展取消。")).exchange().expectStatus().isOk();
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", stop).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "RESCHEDULED", "startsAt", later.toString(), "endsAt", later.plusHours(1).toString(),
                        "announcement", "恢复")).exchange().expectStatus().isEqualTo(409);
        Ical4jCalendar cancelledFeed = Ical4jCalendar.parse(get("/api/events/public/series/" + series + "/calendar.ics", 200));
        Ical4jCalendar.Event cancelled = cancelledFeed.event("occurrence-" + stop + "@events.kepu");
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.sequence()).isEqualTo(3);
        assertThat(cancelled.location()).contains("第一中学体育馆");
        assertThat(cancelledFeed.event("registration-window-" + stop + "@events.kepu").status()).isEqualTo("CANCELLED");
        assertThat(cancelledFeed.event("occurrence-" + other + "@events.kepu").sequence()).as("untouched").isZero();

        Ical4jCalendar own = Ical4jCalendar.parse(get("/api/events/public/registrations/" + registrationToken + "/calendar.ics", 200));
        assertThat(own.events()).singleElement().satisfies(mine -> {
            assertThat(mine.status()).isEqualTo("CANCELLED");
            assertThat(mine.sequence()).isEqualTo(3);
            assertThat(mine.uid()).startsWith("registration-");
        });
        assertThat(anonymous.get().uri("/api/events/public/registrations/{token}", registrationToken).exchange()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody()).containsEntry("status", "CANCELLED");
        assertThat(reviewed.as("demo-editor").get().uri("/api/events/occurrences/{id}/registrations", stop).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody())
                .extracting(line -> line.get("name") + ":" + line.get("cancelledBy"))
                .containsExactly("日历用户:organiser", "退出用户:registrant");

        Ical4jCalendar single = Ical4jCalendar.parse(get("/api/events/public/occurrences/" + stop + "/calendar.ics", 200));
        assertThat(single.events()).extracting(Ical4jCalendar.Event::uid).containsExactly("occurrence-" + stop + "@events.kepu");
        get("/api/events/public/occurrences/" + draftStop + "/calendar.ics", 404);

        Ical4jCalendar topic = Ical4jCalendar.parse(get("/api/events/public/topics/carbon/calendar.ics", 200));
        assertThat(topic.events()).extracting(Ical4jCalendar.Event::uid).contains("occurrence-" + other + "@events.kepu")
                .doesNotContain("occurrence-" + draftStop + "@events.kepu");
        get("/api/events/public/topics/astrology/calendar.ics", 404);
        String everything = get("/api/events/public/calendar.ics", 200);
        assertThat(Ical4jCalendar.parse(everything).events()).extracting(Ical4jCalendar.Event::uid)
                .contains("occurrence-" + other + "@events.kepu").doesNotContain("occurrence-" + draftStop + "@events.kepu");
        assertThat(everything).doesNotContain("未发布的巡展").doesNotContain("15807370001");
    }

    @Test
    void changesAreForPublishedOccurrencesOnlyAndScreened() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("变更规则", Map.of());
        String occurrence = reviewed.occurrence(series, start, "桃江县", Map.of());
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "取消")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-transition-invalid");
        reviewed.publish(series);
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED")).exchange().expectStatus().isEqualTo(422);
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "改为代开发票咨询会")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("event-announcement-blocked");
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "RESCHEDULED", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                        "announcement", "时间不变")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("event-change-nothing");
        reviewed.as("demo-society-admin").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "取消")).exchange().expectStatus().isForbidden();
        String audit = reviewed.as("admin").get().uri("/api/admin/audit?subject=event-occurrence:{id}", occurrence).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(audit).doesNotContain("event.changed");
    }

    private String get(String uri, int status) {
        var spec = anonymous.get().uri(uri).exchange().expectStatus().isEqualTo(status);
        if (status == 200) {
            spec.expectHeader().contentTypeCompatibleWith(new MediaType("text", "calendar"));
        }
        return spec.expectBody(String.class).returnResult().getResponseBody();
    }
}
