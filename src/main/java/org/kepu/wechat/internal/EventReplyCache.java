package org.kepu.wechat.internal;

import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.kepu.event.EventFilter;
import org.kepu.event.EventsChanged;
import org.kepu.platform.AfterCommit;
import org.kepu.platform.ModuleEventListener;
import org.kepu.platform.SharedGenerations;
import org.kepu.wechat.internal.Replies.Answer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Event answers (活动, 科普日, a topic, the events menu) are the same for every follower: each is read from the events
 * once and kept until the published events change on any instance, and at most {@code kepu.wechat.event-reply-ttl}
 * (occurrences that start leave the upcoming list). A burst of the same words waits for one reading.
 */
@Component
class EventReplyCache implements ModuleEventListener<EventsChanged> {

    static final String GENERATION = "wechat-event-replies";
    private static final int MAX_ANSWERS = 1_000;

    private final SharedGenerations generations;
    private final AsyncCache<Key, Optional<Answer>> answers;

    EventReplyCache(SharedGenerations generations, WeChatProperties properties) {
        this.generations = generations;
        this.answers = Caffeine.newBuilder().maximumSize(MAX_ANSWERS).expireAfterWrite(properties.eventReplyTtl()).buildAsync();
    }

    /** The answer for a filter, from memory or from {@code read} (empty: nothing coming up). */
    Mono<Answer> get(EventFilter filter, String listPath, int maxArticles, Supplier<Mono<Answer>> read) {
        // The generation is read first: an answer read across a change is kept under the old generation.
        Key key = new Key(generations.current(GENERATION), filter, listPath, maxArticles);
        // Not cancelled with one caller (a reply past its deadline): others may be waiting for the same reading.
        return Mono.fromFuture(answers.get(key, (missing, executor) -> read.get().map(Optional::of)
                        .defaultIfEmpty(Optional.empty()).toFuture()), true)
                .flatMap(Mono::justOrEmpty);
    }

    @Override
    public Class<EventsChanged> eventType() {
        return EventsChanged.class;
    }

    @Override
    public Mono<Void> on(EventsChanged event) {
        return AfterCommit.run(() -> generations.advance(GENERATION));
    }

    private record Key(long generation, EventFilter filter, String listPath, int maxArticles) {
    }
}
