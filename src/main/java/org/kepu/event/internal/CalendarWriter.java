package org.kepu.event.internal;

import java.util.Date;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalDataType;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Geo;
import biweekly.property.Status;
import biweekly.util.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes RFC 5545 calendars with biweekly: times in the events' zone with its VTIMEZONE (Asia/Shanghai; see
 * {@link CalendarZone}), one VEVENT per entry with UID, SEQUENCE, DTSTAMP/LAST-MODIFIED and STATUS
 * (CONFIRMED, or CANCELLED for what will not take place). Written on a bounded elastic thread: biweekly reads
 * resources of its own when first used.
 */
@Component
class CalendarWriter {

    private final TimezoneAssignment zone = CalendarZone.of(PublicTimes.ZONE);
    private final EventProperties properties;

    CalendarWriter(EventProperties properties) {
        this.properties = properties;
    }

    Mono<String> write(String name, List<CalendarEntry> entries) {
        return Mono.fromCallable(() -> text(name, entries)).subscribeOn(Schedulers.boundedElastic());
    }

    String text(String name, List<CalendarEntry> entries) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Kepu//Kepu Events//ZH");
        calendar.setMethod("PUBLISH");
        calendar.setName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        calendar.setExperimentalProperty("X-WR-TIMEZONE", PublicTimes.ZONE.getId());
        // RFC 7986 requires VALUE=DURATION on REFRESH-INTERVAL, which biweekly leaves out; Outlook reads X-PUBLISHED-TTL.
        String refresh = Duration.builder().hours((int) properties.calendar().refresh().toHours()).build().toString();
        calendar.setExperimentalProperty("REFRESH-INTERVAL", ICalDataType.DURATION, refresh);
        calendar.setExperimentalProperty("X-PUBLISHED-TTL", refresh);
        if (zone != null) {
            calendar.getTimezoneInfo().setDefaultTimezone(zone);
        }
        for (CalendarEntry entry : entries) {
            calendar.addEvent(event(entry));
        }
        return ContentLines.fold(Biweekly.write(calendar).foldLines(false).go());
    }

    private static VEvent event(CalendarEntry entry) {
        VEvent event = new VEvent();
        event.setUid(entry.uid());
        event.setSequence(entry.sequence());
        event.setDateTimeStamp(Date.from(entry.lastModified().toInstant()));
        event.setLastModified(Date.from(entry.lastModified().toInstant()));
        event.setSummary(entry.summary());
        event.setDateStart(Date.from(entry.startsAt().toInstant()), true);
        event.setDateEnd(Date.from(entry.endsAt().toInstant()), true);
        event.setStatus(new Status(entry.cancelled() ? Status.CANCELLED : Status.CONFIRMED));
        if (entry.description() != null && !entry.description().isBlank()) {
            event.setDescription(entry.description());
        }
        if (entry.location() != null) {
            event.setLocation(entry.location());
        }
        if (entry.latitude() != null && entry.longitude() != null) {
            event.setGeo(new Geo(entry.latitude(), entry.longitude()));
        }
        if (entry.url() != null) {
            event.setUrl(entry.url());
        }
        if (!entry.categories().isEmpty()) {
            event.addCategories(entry.categories());
        }
        event.setTransparency(entry.transparent());
        return event;
    }
}
