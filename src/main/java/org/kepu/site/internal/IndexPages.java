package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kepu.content.Columns;
import org.kepu.content.PublishedWorks;
import org.kepu.content.Topics;
import org.kepu.content.WorkListing;
import org.kepu.org.Organisations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The lists of topics, columns and societies, each with how many public works it has. */
@RestController
class IndexPages {

    private final PageResponses pages;
    private final PageRenderer renderer;
    private final PublishedWorks works;
    private final Topics topics;
    private final Columns columns;
    private final Organisations organisations;

    IndexPages(PageResponses pages, PageRenderer renderer, PublishedWorks works, Topics topics, Columns columns,
               Organisations organisations) {
        this.pages = pages;
        this.renderer = renderer;
        this.works = works;
        this.topics = topics;
        this.columns = columns;
        this.organisations = organisations;
    }

    record Entry(String name, String description, String path, long works) {
    }

    @GetMapping(value = "/topics", produces = "text/html")
    Mono<ResponseEntity<byte[]>> topics(ServerWebExchange exchange) {
        return index(exchange, "/topics", "site.crumb.topics", topics.all().collectList().flatMapIterable(list -> list).concatMap(topic ->
                works.count(WorkListing.inTopic(topic.slug(), 0, 1)).map(n -> new Entry(topic.name(), null, "/topics/" + topic.slug(), n))));
    }

    @GetMapping(value = "/columns", produces = "text/html")
    Mono<ResponseEntity<byte[]>> columns(ServerWebExchange exchange) {
        return index(exchange, "/columns", "site.crumb.columns", columns.visible(OffsetDateTime.now()).collectList().flatMapIterable(list -> list).concatMap(column ->
                works.count(WorkListing.inColumn(column.slug(), 0, 1))
                        .map(n -> new Entry(column.name(), column.description(), "/columns/" + column.slug(), n))));
    }

    @GetMapping(value = "/societies", produces = "text/html")
    Mono<ResponseEntity<byte[]>> societies(ServerWebExchange exchange) {
        return index(exchange, "/societies", "site.crumb.societies", organisations.all().collectList().flatMapIterable(list -> list)
                .concatMap(organisation -> works.count(WorkListing.byOrganisation(organisation.slug(), 0, 1))
                        .map(n -> new Entry(organisation.name(), null,
                                "/societies/" + organisation.slug(), n))));
    }

    private Mono<ResponseEntity<byte[]>> index(ServerWebExchange exchange, String path, String title, Flux<Entry> entries) {
        return pages.page(exchange, request -> entries.collectList().flatMap(list -> {
            String name = renderer.message(title, request);
            List<Crumb> crumbs = List.of(new Crumb(renderer.message("site.crumb.home", request), "/"), new Crumb(name, path));
            PageMeta meta = new PageMeta(name, renderer.message("site.index.description", request, name), path, null, "website",
                    crumbs, List.of(), null, false);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("title", name);
            model.put("entries", list);
            return renderer.render(request, "site/index", meta, model);
        }));
    }
}
