package org.kepu.rumor;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The published rumor library, for the site, feeds and the WeChat Official Account. Never returns an unreviewed text. */
public interface PublicRumors {

    /** Published items, newest first; {@code column} null for every column. */
    Flux<PublicRumor> latest(String column, int limit);

    Mono<PublicRumor> bySlug(String slug);

    Flux<PublicRumorColumn> columns();

    Mono<PublicRumorColumn> column(String slug);

    /** Published lists, newest period first, without their items. */
    Flux<PublicRumorList> lists();

    /** A published list with its published items; empty when there is none. */
    Mono<PublicRumorList> list(String kind, String period);

    /** The best published item whose claim says what {@code query} says, if one is similar enough. */
    Mono<RumorCard> matchFor(String query);
}
