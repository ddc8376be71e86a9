package org.kepu.testing;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Reads a calendar with ical4j, a second iCalendar library independent of biweekly (which writes them), and
 * validates it against RFC 5545 as ical4j understands it.
 */
public final class Ical4jCalendar {

    static {
        // Never fetch time-zone updates from the network; the calendar carries its own VTIMEZONE.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    public record Event(String uid, int sequence, String status, String summary, Instant start, Instant end, String startZone,
                 String location, String description, String transparency, String categories, String geo) {
    }

    public final Calendar calendar;

    private Ical4jCalendar(Calendar calendar) {
        this.calendar = calendar;
    }

    public static Ical4jCalendar parse(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        return new Ical4jCalendar(calendar);
    }

    public List<Event> events() {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream().map(Ical4jCalendar::event).toList();
    }

    public Event event(String uid) {
        return events().stream().filter(event -> event.uid().equals(uid)).findFirst().orElseThrow(() -> new AssertionError("no " + uid));
    }

    public List<String> timeZones() {
        return calendar.getComponents(Component.VTIMEZONE).stream()
                .map(zone -> zone.getProperty(Property.TZID).map(Property::getValue).orElse("?")).toList();
    }

    public String property(String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Event event(VEvent event) {
        DateProperty<?> start = event.<DateProperty<?>>getProperty(Property.DTSTART).orElseThrow();
        DateProperty<?> end = event.<DateProperty<?>>getProperty(Property.DTEND).orElseThrow();
        return new Event(value(event, Property.UID), Integer.parseInt(value(event, Property.SEQUENCE)), value(event, Property.STATUS),
                value(event, Property.SUMMARY), instant(start.getDate()), instant(end.getDate()),
                start.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null), value(event, Property.LOCATION),
                value(event, Property.DESCRIPTION), value(event, Property.TRANSP), value(event, Property.CATEGORIES),
                value(event, Property.GEO));
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Instant instant(Temporal temporal) {
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.from(temporal);
    }
}
