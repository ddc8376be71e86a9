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
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Topic, column and society pages: their published works, newest first, page by page. */
@RestController
class ListingPages {

    private final PageResponses pages;
    private final PageRenderer renderer;
    private final PublishedWorks works;
    private final Topics topics;
    private final Columns columns;
    private final Organisations organisations;
    private final WorkCards cards;
    private final StructuredData structured;
    private final SiteProperties properties;

    ListingPages(PageResponses pages, PageRenderer renderer, PublishedWorks works, Topics topics, Columns columns,
                 Organisations organisations, WorkCards cards, StructuredData structured, SiteProperties properties) {
        this.pages = pages;
        this.renderer = renderer;
        this.works = works;
        this.topics = topics;
        this.columns = columns;
        this.organisations = organisations;
        this.cards = cards;
        this.structured = structured;
        this.properties = properties;
    }

    /** What a listing page is about. */
    record Subject(String kind, String name, String description, String path) {
    }

    @GetMapping(value = "/topics/{slug}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> topic(@PathVariable String slug, @RequestParam(required = false) String page,
                                       ServerWebExchange exchange) {
        Mono<Subject> subject = topics.all().filter(topic -> topic.slug().equals(slug)).next()
                .map(topic -> new Subject("topic", topic.name(), null, "/topics/" + slug));
        return listing(exchange, subject, WorkListing.inTopic(slug, 0, 1), Pagination.number(page), "site.crumb.topics");
    }

    @GetMapping(value = "/columns/{slug}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> column(@PathVariable String slug, @RequestParam(required = false) String page,
                                        ServerWebExchange exchange) {
        Mono<Subject> subject = columns.visible(OffsetDateTime.now()).filter(column -> column.slug().equals(slug)).next()
                .map(column -> new Subject("column", column.name(), column.description(), "/columns/" + slug));
        return listing(exchange, subject, WorkListing.inColumn(slug, 0, 1), Pagination.number(page), "site.crumb.columns");
    }

    @GetMapping(value = "/societies/{slug}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> society(@PathVariable String slug, @RequestParam(required = false) String page,
                                         ServerWebExchange exchange) {
        Mono<Subject> subject = organisations.findBySlug(slug)
                .map(organisation -> new Subject("society", organisation.name(), null, "/societies/" + slug));
        return listing(exchange, subject, WorkListing.byOrganisation(slug, 0, 1), Pagination.number(page), "site.crumb.societies");
    }

    private Mono<ResponseEntity<byte[]>> listing(ServerWebExchange exchange, Mono<Subject> subject, WorkListing filter, int page,
                                                 String trail) {
        return pages.page(exchange, request -> subject
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(about -> render(request, about, filter, page, trail)));
    }

    private Mono<RenderedPage> render(SiteRequest request, Subject about, WorkListing filter, int page, String trail) {
        int size = properties.pageSize();
        WorkListing listing = new WorkListing(filter.topic(), filter.column(), filter.organisation(), null, List.of(),
                (page - 1) * size, size);
        return Mono.zip(works.list(listing).collectList().flatMap(cards::cards), works.count(filter))
                .flatMap(found -> {
                    List<Crumb> crumbs = List.of(new Crumb(renderer.message("site.crumb.home", request), "/"),
                            new Crumb(renderer.message(trail, request), "/" + about.path().split("/")[1]),
                            new Crumb(about.name(), about.path()));
                    String description = about.description() != null && !about.description().isBlank() ? about.description()
                            : renderer.message("site.listing.description", request, about.name(), found.getT2());
                    String title = page > 1 ? renderer.message("site.listing.page-title", request, about.name(), page) : about.name();
                    PageMeta meta = new PageMeta(title, description, Pagination.path(about.path(), page), null, "website",
                            crumbs, List.of(structured.breadcrumbs(request, crumbs)), about.path() + "/feed.xml", false);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("subject", about);
                    model.put("works", found.getT1());
                    model.put("total", found.getT2());
                    model.put("pagination", Pagination.of(about.path(), page, found.getT2(), size));
                    return renderer.render(request, "site/listing", meta, model);
                });
    }
}
