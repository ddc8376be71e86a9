package org.kepu.wechat.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.kepu.event.PublicOccurrence;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of the Official Account's replies and articles, from the message bundles ({@code wechat.*} keys). Followers
 * are Chinese readers, so replies use the Chinese bundle whatever the server's locale.
 */
@Component
class ReplyTexts {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm", LOCALE);
    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private final MessageSource messages;
    private final ZoneId zone;

    ReplyTexts(MessageSource messages, WeChatProperties properties) {
        this.messages = messages;
        this.zone = ZoneId.of(properties.timeZone());
    }

    String text(String key, Object... arguments) {
        return messages.getMessage("wechat." + key, arguments, LOCALE);
    }

    /** E.g. {@code 9月20日（周六）14:00} in the account's time zone. */
    String when(OffsetDateTime time) {
        OffsetDateTime local = time.atZoneSameInstant(zone).toOffsetDateTime();
        String text = WHEN.format(local);
        int space = text.indexOf(' ');
        return text.substring(0, space) + "（" + WEEKDAYS[local.getDayOfWeek().getValue() - 1] + "）" + text.substring(space + 1);
    }

    /** The status an occurrence's title is prefixed with (e.g. cancelled); empty while it is scheduled. */
    String status(PublicOccurrence occurrence) {
        return occurrence.status() == null || occurrence.status() == PublicOccurrence.Status.SCHEDULED ? ""
                : text("status." + occurrence.status().name().toLowerCase(Locale.ROOT));
    }

    /** The occurrence's own title, else its series' title. */
    static String title(PublicOccurrence occurrence) {
        return occurrence.title() == null || occurrence.title().isBlank() ? occurrence.seriesTitle() : occurrence.title();
    }

    ZoneId zone() {
        return zone;
    }
}
