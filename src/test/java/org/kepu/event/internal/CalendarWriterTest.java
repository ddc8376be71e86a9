package org.kepu.event.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kepu.testing.Ical4jCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar text itself, read back by ical4j: the zone's rules, local times, folding of long Chinese lines. */
class CalendarWriterTest {

    private final CalendarWriter writer = new CalendarWriter(new EventProperties(new EventProperties.Registration(10, Duration.ofHours(1)),
            new EventProperties.Calendar("events.kepu", Duration.ofDays(90), Duration.ofHours(6), "", 2000),
            new EventProperties.Reminder(Duration.ofHours(24))));

    @Test
    void asiaShanghaiIsOneStandardObservanceFromItsLastTransition() throws Exception {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-05T09:00+08:00");
        String description = "流动科技馆走进沅江市，".repeat(12);
        String text = writer.text("科普活动", List.of(new CalendarEntry("occurrence-1@events.kepu", 2, "流动科技馆（沅江站）", description,
                "沅江市 琼湖路 1 号 科技馆", 28.84, 112.36, start, start.plusHours(3), true, "https://kepu.example/events/a/b",
                start.minusDays(1), false, List.of("双碳", "健康卫生"))));

        assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "DTSTART:19910915T020000", "TZOFFSETFROM:+0900",
                "TZOFFSETTO:+0800", "DTSTART;TZID=Asia/Shanghai:20261205T090000", "DTEND;TZID=Asia/Shanghai:20261205T120000",
                "STATUS:CANCELLED", "SEQUENCE:2", "X-WR-CALNAME:科普活动", "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("lines are folded at 75 octets").isLessThanOrEqualTo(75));

        Ical4jCalendar.Event event = Ical4jCalendar.parse(text).event("occurrence-1@events.kepu");
        assertThat(event.start()).isEqualTo(start.toInstant());
        assertThat(event.description()).isEqualTo(description);
        assertThat(event.categories()).isEqualTo("双碳,健康卫生");
    }

    @Test
    void aZoneWithDaylightSavingAheadIsWrittenInUtc() {
        assertThat(CalendarZone.of(ZoneId.of("Europe/Berlin"))).isNull();
        assertThat(CalendarZone.of(ZoneId.of("Asia/Shanghai"))).isNotNull();
        assertThat(CalendarZone.of(ZoneId.of("UTC"))).isNotNull();
    }
}
