package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kepu.content.Columns;
import org.kepu.content.PublishedWorks;
import org.kepu.content.Topics;
import org.kepu.content.WorkListing;
import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.PublicRumors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The home page: editors' picks, the newest works, each topic and column, the most viewed, upcoming events. */
@RestController
class HomePage {

    private static final int PER_SECTION = 4;

    private final PageResponses pages;
    private final PageRenderer renderer;
    private final PublishedWorks works;
    private final Topics topics;
    private final Columns columns;
    private final FeaturedWorks featured;
    private final MostViewed mostViewed;
    private final WorkCards cards;
    private final UpcomingEvents events;
    private final StructuredData structured;
    private final SiteProperties properties;
    private final PublicRumors rumors;

    HomePage(PageResponses pages, PageRenderer renderer, PublishedWorks works, Topics topics, Columns columns,
             FeaturedWorks featured, MostViewed mostViewed, WorkCards cards, UpcomingEvents events, StructuredData structured,
             SiteProperties properties, PublicRumors rumors) {
        this.rumors = rumors;
        this.pages = pages;
        this.renderer = renderer;
        this.works = works;
        this.topics = topics;
        this.columns = columns;
        this.featured = featured;
        this.mostViewed = mostViewed;
        this.cards = cards;
        this.events = events;
        this.structured = structured;
        this.properties = properties;
    }

    record Section(String name, String path, String feed, List<WorkCard> works) {
    }

    @GetMapping(value = "/", produces = "text/html")
    Mono<ResponseEntity<byte[]>> home(ServerWebExchange exchange) {
        return pages.page(exchange, request -> model(request)
                .flatMap(model -> renderer.render(request, "site/home", meta(request), model)));
    }

    private PageMeta meta(SiteRequest request) {
        return new PageMeta(properties.name(), renderer.message("site.home.description", request), "/", null, "website",
                List.of(), List.of(structured.website(request)), "/feed.xml", false);
    }

    private Mono<Map<String, Object>> model(SiteRequest request) {
        Mono<List<WorkCard>> picks = featured.shown()
                .flatMap(picked -> picked.isEmpty() ? works.list(WorkListing.newest(PER_SECTION)).collectList() : Mono.just(picked))
                .flatMap(cards::cards);
        Mono<List<WorkCard>> newest = works.list(WorkListing.newest(8)).collectList().flatMap(cards::cards);
        // Each list is read whole before the nested queries: a streaming result holds its connection.
        Mono<List<Section>> topicSections = topics.all().collectList().flatMapIterable(list -> list)
                .concatMap(topic -> section(topic.name(), "/topics/" + topic.slug(), WorkListing.inTopic(topic.slug(), 0, PER_SECTION)))
                .filter(section -> !section.works().isEmpty()).collectList();
        Mono<List<Section>> columnSections = columns.visible(OffsetDateTime.now()).collectList().flatMapIterable(list -> list)
                .concatMap(column -> section(column.name(), "/columns/" + column.slug(), WorkListing.inColumn(column.slug(), 0, PER_SECTION)))
                .filter(section -> !section.works().isEmpty()).collectList();
        Mono<List<WorkCard>> popular = mostViewed.top(PER_SECTION).flatMap(cards::cards);
        // The rumor block is left out (hidden) when the library cannot be read: the home page never fails for it.
        Mono<List<PublicRumor>> latestRumors = rumors.latest(null, 3).collectList().onErrorResume(error -> Mono.just(List.of()));
        return Mono.zip(picks, newest, topicSections, columnSections, popular, events.upcoming(OffsetDateTime.now(), 5), latestRumors)
                .map(found -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("featured", found.getT1());
                    model.put("newest", found.getT2());
                    model.put("topicSections", found.getT3());
                    model.put("columnSections", found.getT4());
                    model.put("mostViewed", found.getT5());
                    model.put("events", found.getT6());
                    model.put("rumors", found.getT7());
                    return model;
                });
    }

    private Mono<Section> section(String name, String path, WorkListing listing) {
        return works.list(listing).collectList().flatMap(cards::cards)
                .map(list -> new Section(name, path, path + "/feed.xml", list));
    }
}
