package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What registrants read: confirmations and notices, always with the date, the time (Beijing time) and the place, in
 * the reader's language ({@code event.notice.<kind>} in the message bundles).
 */
@Component
class RegistrantTexts {

    private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static {
        // Locale data (day names) are read from resources on first use: read them now, never on a request thread.
        OffsetDateTime sample = OffsetDateTime.parse("2026-12-05T09:00+08:00");
        when(sample, sample.plusHours(2), Locale.SIMPLIFIED_CHINESE);
        when(sample, sample.plusHours(2), Locale.ENGLISH);
    }

    private final MessageSource messages;

    RegistrantTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The arguments every notice of an occurrence carries. */
    static Map<String, String> arguments(String title, Occurrence occurrence) {
        Map<String, String> arguments = new HashMap<>();
        arguments.put("title", title);
        arguments.put("startsAt", occurrence.startsAt().toString());
        arguments.put("endsAt", occurrence.endsAt().toString());
        arguments.put("place", occurrence.venue().place());
        return arguments;
    }

    String render(NoticesTable.Kind kind, Map<String, String> arguments, Locale locale) {
        String when = when(OffsetDateTime.parse(arguments.get("startsAt")), OffsetDateTime.parse(arguments.get("endsAt")), locale);
        return messages.getMessage("event.notice." + kind.name(), new Object[] {arguments.get("title"), when, arguments.get("place"),
                arguments.getOrDefault("code", ""), arguments.getOrDefault("announcement", ""), arguments.getOrDefault("position", "")}, locale);
    }

    /** 2026年12月5日（星期六）09:00–11:30, or "Saturday, December 5, 2026, 09:00–11:30" (Beijing time). */
    static String when(OffsetDateTime startsAt, OffsetDateTime endsAt, Locale locale) {
        OffsetDateTime start = PublicTimes.shown(startsAt);
        OffsetDateTime end = PublicTimes.shown(endsAt);
        boolean chinese = "zh".equals(locale.getLanguage());
        DateTimeFormatter day = chinese ? CHINESE_DAY : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        String separator = chinese ? "" : ", ";
        String last = start.toLocalDate().equals(end.toLocalDate()) ? end.format(TIME) : end.format(day) + separator + end.format(TIME);
        return start.format(day) + separator + start.format(TIME) + "–" + last;
    }
}
