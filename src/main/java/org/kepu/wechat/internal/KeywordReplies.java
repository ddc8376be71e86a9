package org.kepu.wechat.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.kepu.content.Topics;
import org.kepu.event.EventFilter;
import org.kepu.event.PublicOccurrence;
import org.kepu.platform.ProblemException;
import org.kepu.rumor.PublicRumors;
import org.kepu.rumor.RumorCard;
import org.kepu.search.SearchParameters;
import org.kepu.search.SearchResult;
import org.kepu.search.WorkSearches;
import org.kepu.wechat.internal.Replies.Answer;
import org.kepu.wechat.internal.Replies.Answer.Article;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers to words: a follower's text or a menu key. Links point to the public site ({@code kepu.wechat.site-base-url}):
 * works at {@code /works/{id}}, occurrences at their own path, lists at {@code /events} and {@code /search?q=}.
 */
@Component
class KeywordReplies {

    static final String EVENTS_WORD = "活动";
    static final String SCIENCE_DAY = "科普日";
    /** Menu keys (菜单 key) the account's menu may use. */
    static final String MENU_EVENTS = "EVENTS";
    static final String MENU_SEARCH = "SEARCH:";
    /** Words beyond this are not searched (the search's own limit is higher; a chat message is no query). */
    static final int MAX_QUERY = 40;
    /** Lines listed in a one-article answer. */
    static final int LIST_LINES = 5;

    /** A rumor card not found by then is left out: WeChat waits five seconds for the whole answer. */
    static final java.time.Duration RUMOR_WAIT = java.time.Duration.ofMillis(1500);

    private final PublishedEvents events;
    private final EventReplyCache cache;
    private final WorkSearches searches;
    private final PublicRumors rumors;
    private final Topics topics;
    private final ReplyTexts texts;
    private final String site;

    KeywordReplies(PublishedEvents events, EventReplyCache cache, WorkSearches searches, PublicRumors rumors, Topics topics,
                   ReplyTexts texts, WeChatProperties properties) {
        this.events = events;
        this.cache = cache;
        this.rumors = rumors;
        this.searches = searches;
        this.topics = topics;
        this.texts = texts;
        this.site = properties.site();
    }

    Mono<Answer> forText(String text, int maxArticles) {
        if (text.isEmpty()) {
            return Mono.just(Answer.text(texts.text("reply.help")));
        }
        if (text.equals(EVENTS_WORD)) {
            return eventsOrNone(EventFilter.NONE, "/events", maxArticles);
        }
        if (text.contains(SCIENCE_DAY)) {
            return eventsOrNone(new EventFilter(null, null, null, SCIENCE_DAY), "/events?q=" + encode(SCIENCE_DAY), maxArticles);
        }
        return topics.all()
                .filter(topic -> topic.name().equals(text) || topic.slug().equalsIgnoreCase(text))
                .next()
                .flatMap(topic -> events(new EventFilter(topic.slug(), null, null, null), "/events?topic=" + encode(topic.slug()), maxArticles))
                .switchIfEmpty(Mono.defer(() -> search(text, maxArticles)));
    }

    Mono<Answer> forMenu(String key, int maxArticles) {
        if (key.equalsIgnoreCase(MENU_EVENTS)) {
            return eventsOrNone(EventFilter.NONE, "/events", maxArticles);
        }
        if (key.toUpperCase(Locale.ROOT).startsWith(MENU_EVENTS + ":")) {
            String topic = key.substring(MENU_EVENTS.length() + 1);
            return eventsOrNone(new EventFilter(topic, null, null, null), "/events?topic=" + encode(topic), maxArticles);
        }
        if (key.toUpperCase(Locale.ROOT).startsWith(MENU_SEARCH)) {
            return forText(key.substring(MENU_SEARCH.length()).trim(), maxArticles);
        }
        return forText(key, maxArticles);
    }

    private Mono<Answer> eventsOrNone(EventFilter filter, String listPath, int maxArticles) {
        return events(filter, listPath, maxArticles).switchIfEmpty(Mono.fromSupplier(() -> Answer.text(texts.text("reply.no-events"))));
    }

    /** Empty when nothing is coming up. */
    private Mono<Answer> events(EventFilter filter, String listPath, int maxArticles) {
        return cache.get(filter, listPath, maxArticles, () -> read(filter, listPath, maxArticles));
    }

    private Mono<Answer> read(EventFilter filter, String listPath, int maxArticles) {
        return events.upcoming(filter, Math.max(maxArticles, LIST_LINES)).collectList().flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.empty();
            }
            if (found.size() == 1 || maxArticles > 1) {
                return Mono.just(Answer.news(found.stream().limit(maxArticles).map(this::occurrence).toList()));
            }
            String lines = found.stream().limit(LIST_LINES).map(this::line).collect(Collectors.joining("\n"));
            return Mono.just(Answer.news(List.of(new Article(texts.text("reply.events-title", found.size()), lines,
                    absolute(found.get(0).coverUrl()), site + listPath))));
        });
    }

    private Article occurrence(PublicOccurrence occurrence) {
        String description = texts.when(occurrence.startsAt())
                + (occurrence.venue() == null || occurrence.venue().name() == null ? "" : " · " + occurrence.venue().name())
                + (occurrence.change() == null ? "" : "\n" + occurrence.change());
        return new Article(texts.status(occurrence) + ReplyTexts.title(occurrence), description, absolute(occurrence.coverUrl()), site + occurrence.path());
    }

    private String line(PublicOccurrence occurrence) {
        return texts.when(occurrence.startsAt()) + " " + texts.status(occurrence) + ReplyTexts.title(occurrence);
    }

    /**
     * A text that matches a known rumor is answered with its rebuttal first; otherwise with search results. Both are
     * asked at once: WeChat waits five seconds for the whole answer.
     */
    private Mono<Answer> search(String text, int maxArticles) {
        String query = text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
        Mono<Optional<RumorCard>> card = rumors.matchFor(text).map(Optional::of).timeout(RUMOR_WAIT, Mono.empty())
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(card, works(query, maxArticles)).map(found -> found.getT1().map(rumor -> withRebuttal(rumor, found.getT2(), maxArticles))
                .orElse(found.getT2()));
    }

    private Answer withRebuttal(RumorCard card, Answer works, int maxArticles) {
        Article rebuttal = new Article(texts.text("reply.rumor-title", texts.text("reply.verdict." + card.verdict().name()), card.claim()),
                card.truth(), null, site + "/rumors/" + card.slug());
        List<Article> articles = new ArrayList<>(List.of(rebuttal));
        if (maxArticles > 1) {
            works.articles().stream().limit(maxArticles - 1L).forEach(articles::add);
        }
        return Answer.news(articles);
    }

    private Mono<Answer> works(String query, int maxArticles) {
        int size = Math.max(maxArticles, LIST_LINES);
        return searches.search(new SearchParameters(query, null, null, null, null, null, Integer.toString(size), null, null))
                .map(result -> results(query, result, maxArticles))
                .onErrorResume(ProblemException.class, problem -> Mono.just(Answer.text(
                        problem.status() == HttpStatus.SERVICE_UNAVAILABLE ? texts.text("reply.search-unavailable")
                                : texts.text("reply.no-results", query))));
    }

    private Answer results(String query, SearchResult result, int maxArticles) {
        List<SearchResult.Hit> hits = result.hits();
        if (hits.isEmpty()) {
            return Answer.text(texts.text("reply.no-results", query));
        }
        if (hits.size() == 1 || maxArticles > 1) {
            return Answer.news(hits.stream().limit(maxArticles)
                    .map(hit -> new Article(hit.title(), hit.summary(), null, site + "/works/" + hit.id())).toList());
        }
        List<String> lines = new ArrayList<>();
        IntStream.range(0, Math.min(LIST_LINES, hits.size())).forEach(i -> lines.add((i + 1) + ". " + hits.get(i).title()));
        return Answer.news(List.of(new Article(texts.text("reply.results-title", result.total(), query), String.join("\n", lines),
                null, site + "/search?q=" + encode(query))));
    }

    /** Covers may be site paths ({@code /media/…}); WeChat needs whole URLs. */
    private String absolute(String url) {
        return url != null && url.startsWith("/") ? site + url : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
