package org.kepu.rumor.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.PublicRumorColumn;
import org.kepu.rumor.PublicRumorList;
import org.kepu.rumor.PublicRumors;
import org.kepu.rumor.RumorCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
class PublicRumorsService implements PublicRumors {

    private static final Logger log = LoggerFactory.getLogger(PublicRumorsService.class);

    private final PublishedRumorsTable published;
    private final RumorColumnsTable columns;
    private final RumorListsTable lists;
    private final RumorMatcher matcher;
    private final RumorProperties properties;

    PublicRumorsService(PublishedRumorsTable published, RumorColumnsTable columns, RumorListsTable lists, RumorMatcher matcher,
                        RumorProperties properties) {
        this.published = published;
        this.columns = columns;
        this.lists = lists;
        this.matcher = matcher;
        this.properties = properties;
    }

    @Override
    public Flux<PublicRumor> latest(String column, int limit) {
        return published.latest(column, Math.max(1, Math.min(limit, 200)));
    }

    @Override
    public Mono<PublicRumor> bySlug(String slug) {
        return published.bySlug(slug);
    }

    @Override
    public Flux<PublicRumorColumn> columns() {
        return columns.all();
    }

    @Override
    public Mono<PublicRumorColumn> column(String slug) {
        return columns.find(slug);
    }

    @Override
    public Flux<PublicRumorList> lists() {
        return lists.all(true).map(list -> new PublicRumorList(list.kind(), list.period(), list.title(), List.of()));
    }

    @Override
    public Mono<PublicRumorList> list(String kind, String period) {
        return lists.find(kind, period).filter(RumorList::published)
                .flatMap(list -> published.byIds(list.items()).collectMap(PublicRumor::id, Function.identity())
                        .map(found -> new PublicRumorList(list.kind(), list.period(), list.title(), ordered(list.items(), found))));
    }

    private static List<PublicRumor> ordered(List<UUID> ids, Map<UUID, PublicRumor> found) {
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    /** A search server that is down means no card, never a failed search. */
    @Override
    public Mono<RumorCard> matchFor(String query) {
        double threshold = properties.matching().search();
        return matcher.match(query, true)
                .flatMapMany(Flux::fromIterable)
                .takeWhile(scored -> scored.score() >= threshold)
                // The index may briefly lag an unpublication: only a snapshot that is public now makes a card.
                .concatMap(scored -> published.byId(UUID.fromString(scored.document().id()))
                        .map(rumor -> new RumorCard(rumor.slug(), rumor.claim(), rumor.verdict(), rumor.truth(), scored.score())))
                .next()
                .onErrorResume(error -> {
                    log.warn("Rumor matching failed for a search ({}); answering without a rumor card", error.toString());
                    return Mono.empty();
                });
    }
}
