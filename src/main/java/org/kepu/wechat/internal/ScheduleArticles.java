package org.kepu.wechat.internal;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import org.kepu.event.PublicOccurrence;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * An event schedule (a series, or every occurrence starting in a month) as one WeChat article: a title within
 * WeChat's 32 characters, a digest within 120, an HTML body listing each occurrence (time, title, venue, organiser,
 * and any change or cancellation), and "阅读原文" pointing to the schedule on the public site.
 */
@Component
class ScheduleArticles {

    static final int TITLE_CHARS = 32;
    static final int DIGEST_CHARS = 120;
    /** WeChat limits the body to 20,000 characters; the list stops well before and links to the site. */
    static final int MAX_OCCURRENCES = 60;

    /** What an article is made of. */
    record Schedule(String title, String summary, String coverUrl, String sitePath, List<PublicOccurrence> occurrences) {
    }

    private final PublishedEvents events;
    private final ReplyTexts texts;
    private final String site;

    ScheduleArticles(PublishedEvents events, ReplyTexts texts, WeChatProperties properties) {
        this.events = events;
        this.texts = texts;
        this.site = properties.site();
    }

    static YearMonth month(String subject) {
        try {
            return YearMonth.parse(subject);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "wechat-month-invalid", String.valueOf(subject));
        }
    }

    /** The schedule as published now; 404/422 problems when there is nothing public to publish. */
    Mono<Schedule> load(Publication.Kind kind, String subject) {
        if (kind == Publication.Kind.SERIES) {
            return events.series(subject)
                    .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "wechat-series-not-found", subject)))
                    .flatMap(series -> nonEmpty(new Schedule(series.title(), series.summary(), series.coverUrl(), series.path(),
                            series.occurrences()), subject));
        }
        YearMonth month = month(subject);
        OffsetDateTime from = month.atDay(1).atStartOfDay(texts.zone()).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(texts.zone()).toOffsetDateTime();
        return events.between(from, to).collectList().flatMap(occurrences -> nonEmpty(new Schedule(
                texts.text("article.month-title", month.getYear(), month.getMonthValue()),
                texts.text("article.month-summary", month.getYear(), month.getMonthValue(), occurrences.size()),
                occurrences.stream().map(PublicOccurrence::coverUrl).filter(url -> url != null).findFirst().orElse(null),
                "/events?month=" + month, occurrences), subject));
    }

    private static Mono<Schedule> nonEmpty(Schedule schedule, String subject) {
        return schedule.occurrences().isEmpty()
                ? Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "wechat-schedule-empty", subject))
                : Mono.just(schedule);
    }

    WxMpDraftArticles article(Schedule schedule, String thumbMediaId, String marker) {
        WxMpDraftArticles article = new WxMpDraftArticles();
        article.setTitle(cut(schedule.title(), TITLE_CHARS));
        article.setDigest(cut(schedule.summary() == null ? schedule.title() : schedule.summary(), DIGEST_CHARS));
        article.setContent(body(schedule));
        article.setContentSourceUrl(site + schedule.sitePath() + (schedule.sitePath().contains("?") ? "&" : "?") + marker);
        article.setThumbMediaId(thumbMediaId);
        article.setNeedOpenComment(0);
        article.setOnlyFansCanComment(0);
        return article;
    }

    String body(Schedule schedule) {
        StringBuilder html = new StringBuilder();
        if (schedule.summary() != null && !schedule.summary().isBlank()) {
            html.append("<p>").append(escape(schedule.summary())).append("</p>");
        }
        schedule.occurrences().stream().limit(MAX_OCCURRENCES).forEach(occurrence -> html.append(section(occurrence)));
        if (schedule.occurrences().size() > MAX_OCCURRENCES) {
            html.append("<p>").append(escape(texts.text("article.more", schedule.occurrences().size() - MAX_OCCURRENCES))).append("</p>");
        }
        html.append("<p>").append(escape(texts.text("article.read-more"))).append("</p>");
        return html.toString();
    }

    private String section(PublicOccurrence occurrence) {
        StringBuilder html = new StringBuilder("<section>");
        html.append("<h3>").append(escape(texts.when(occurrence.startsAt()))).append("</h3>");
        html.append("<p><strong>").append(escape(texts.status(occurrence) + ReplyTexts.title(occurrence))).append("</strong></p>");
        if (occurrence.venue() != null && occurrence.venue().name() != null) {
            String address = occurrence.venue().address() == null ? "" : "（" + occurrence.venue().address() + "）";
            html.append("<p>").append(escape(texts.text("article.venue", occurrence.venue().name() + address))).append("</p>");
        }
        if (occurrence.organiser() != null && !occurrence.organiser().isBlank()) {
            html.append("<p>").append(escape(texts.text("article.organiser", occurrence.organiser()))).append("</p>");
        }
        if (occurrence.change() != null && !occurrence.change().isBlank()) {
            html.append("<p>").append(escape(occurrence.change())).append("</p>");
        }
        return html.append("</section>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static String cut(String text, int chars) {
        if (text == null) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= chars ? text
                : text.substring(0, text.offsetByCodePoints(0, chars - 1)) + "…";
    }
}
