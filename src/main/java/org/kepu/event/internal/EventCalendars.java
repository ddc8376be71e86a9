package org.kepu.event.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kepu.event.PublicOccurrence;
import org.springframework.stereotype.Component;

/**
 * What the calendars say about occurrences, their registration windows and registrations. Calendar clients fetch
 * feeds without a useful language, so the entries are in Chinese, the site's first language.
 */
@Component
class EventCalendars {

    private final EventProperties properties;

    EventCalendars(EventProperties properties) {
        this.properties = properties;
    }

    /** The occurrence, and its registration window when it takes registrations. */
    List<CalendarEntry> entries(PublicRow row, Map<String, String> topicNames, String baseUrl) {
        List<CalendarEntry> entries = new ArrayList<>(List.of(occurrence(row, topicNames, baseUrl)));
        RegistrationSettings registration = row.occurrence().registration();
        if (registration.enabled()) {
            Occurrence o = row.occurrence();
            entries.add(new CalendarEntry("registration-window-" + o.id() + "@" + domain(), o.sequence(), "报名：" + title(row),
                    "报名时间：" + RegistrantTexts.when(registration.opensAt(), registration.closesAt(), java.util.Locale.SIMPLIFIED_CHINESE)
                            + "\n活动时间：" + RegistrantTexts.when(o.startsAt(), o.endsAt(), java.util.Locale.SIMPLIFIED_CHINESE)
                            + "\n" + url(row, baseUrl),
                    null, null, null, registration.opensAt(), registration.closesAt(), o.cancelled(), url(row, baseUrl), o.updatedAt(), true,
                    List.of("报名")));
        }
        return entries;
    }

    CalendarEntry occurrence(PublicRow row, Map<String, String> topicNames, String baseUrl) {
        Occurrence o = row.occurrence();
        return new CalendarEntry("occurrence-" + o.id() + "@" + domain(), o.sequence(), mark(o.status()) + title(row),
                description(row, baseUrl), place(o.venue()), o.venue().latitude(), o.venue().longitude(), o.startsAt(), o.endsAt(),
                o.cancelled(), url(row, baseUrl), o.updatedAt(), false,
                row.topics().stream().map(topic -> topicNames.getOrDefault(topic, topic)).toList());
    }

    /**
     * The registrant's own entry (its own UID, so it lives beside a subscribed feed). Its SEQUENCE is the
     * occurrence's plus one for each change of the registration itself (promotion, cancellation).
     */
    CalendarEntry registration(PublicRow row, Registration registration, int ownChanges, String baseUrl) {
        Occurrence o = row.occurrence();
        boolean cancelled = o.cancelled() || registration.status() == Registration.Status.CANCELLED;
        String state = switch (registration.status()) {
            case CONFIRMED -> "（已报名）";
            case WAITING -> "（候补）";
            case CANCELLED -> "（报名已取消）";
        };
        String code = registration.status() == Registration.Status.CONFIRMED ? "签到码：" + registration.checkInCode() + "\n\n" : "";
        return new CalendarEntry("registration-" + registration.id() + "@" + domain(), o.sequence() + ownChanges,
                mark(o.status()) + title(row) + state, code + description(row, baseUrl), place(o.venue()), o.venue().latitude(),
                o.venue().longitude(), o.startsAt(), o.endsAt(), cancelled, url(row, baseUrl), o.updatedAt(), false, List.of());
    }

    private static String title(PublicRow row) {
        return row.occurrence().title() == null ? row.seriesTitle() : row.occurrence().title();
    }

    private static String mark(PublicOccurrence.Status status) {
        return switch (status) {
            case SCHEDULED -> "";
            case RESCHEDULED -> "【已改期】";
            case MOVED -> "【地点变更】";
            case CANCELLED -> "【已取消】";
        };
    }

    private static String place(Venue venue) {
        return venue.district() + " " + venue.place();
    }

    private static String description(PublicRow row, String baseUrl) {
        Occurrence o = row.occurrence();
        StringBuilder text = new StringBuilder(o.description() == null ? row.seriesDescription() : o.description());
        if (!row.seriesTitle().equals(title(row))) {
            text.insert(0, row.seriesTitle() + "\n\n");
        }
        text.append("\n\n主办：").append(row.organiser());
        if (o.status() != PublicOccurrence.Status.SCHEDULED && row.announcement() != null) {
            text.append("\n\n变更公告：").append(row.announcement());
        }
        return text.append("\n\n").append(url(row, baseUrl)).toString().strip();
    }

    private static String url(PublicRow row, String baseUrl) {
        return baseUrl + PublicTimes.path(row.occurrence().seriesId(), row.occurrence().id());
    }

    private String domain() {
        return properties.calendar().uidDomain();
    }
}
