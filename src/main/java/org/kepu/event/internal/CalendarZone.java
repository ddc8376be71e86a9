package org.kepu.event.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.TimeZone;

import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * The VTIMEZONE of the events' zone, built from Java's own zone rules (no download). A zone that no longer changes
 * its offset, as Asia/Shanghai since 1991, is described exactly by one STANDARD observance that starts at its last
 * transition (or in 1970 for a zone that never changed). A zone with daylight saving still ahead would need its
 * rules; for such a zone the calendars are written in UTC instead, which RFC 5545 allows just as well.
 */
final class CalendarZone {

    private CalendarZone() {
    }

    /** Null when the zone still has transitions ahead (write UTC then). */
    static TimezoneAssignment of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.nextTransition(Instant.now()) != null) {
            return null;
        }
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        ZoneOffset offset = rules.getOffset(Instant.now());
        StandardTime standard = new StandardTime();
        if (transitions.isEmpty()) {
            standard.setDateStart(components(LocalDateTime.of(1970, 1, 1, 0, 0)));
            standard.setTimezoneOffsetFrom(utc(offset));
        } else {
            ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
            standard.setDateStart(components(last.getDateTimeBefore()));
            standard.setTimezoneOffsetFrom(utc(last.getOffsetBefore()));
        }
        standard.setTimezoneOffsetTo(utc(offset));
        standard.addTimezoneName(zone.getId().equals("Asia/Shanghai") ? "CST" : offset.getId());
        VTimezone component = new VTimezone(zone.getId());
        component.addStandardTime(standard);
        return new TimezoneAssignment(TimeZone.getTimeZone(zone), component);
    }

    private static DateTimeComponents components(LocalDateTime time) {
        return new DateTimeComponents(time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
                time.getSecond(), false);
    }

    private static UtcOffset utc(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
