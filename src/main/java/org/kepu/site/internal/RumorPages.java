package org.kepu.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.platform.ProblemException;
import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.PublicRumors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * 科学辟谣 on the site: the library's front page, one page per rumor (verdict first, then the claim, the truth, the
 * evidence and the signing experts, with {@code ClaimReview} JSON-LD), rumor columns with their RSS feed, the monthly
 * and annual lists, and the "report a rumor" form.
 */
@RestController
class RumorPages {

    private static final int LATEST = 30;
    private static final Pattern MONTH = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("20[0-9]{2}");

    private final PageResponses pages;
    private final PageRenderer renderer;
    private final PublicRumors rumors;
    private final PublishedWorks works;
    private final StructuredData structured;
    private final SiteProperties properties;

    RumorPages(PageResponses pages, PageRenderer renderer, PublicRumors rumors, PublishedWorks works, StructuredData structured,
               SiteProperties properties) {
        this.pages = pages;
        this.renderer = renderer;
        this.rumors = rumors;
        this.works = works;
        this.structured = structured;
        this.properties = properties;
    }

    @GetMapping(value = "/rumors", produces = "text/html")
    Mono<ResponseEntity<byte[]>> library(ServerWebExchange exchange) {
        return pages.page(exchange, request -> rumors.latest(null, LATEST).collectList()
                .zipWith(rumors.columns().collectList()).zipWith(rumors.lists().collectList())
                .flatMap(found -> {
                    String title = renderer.message("site.rumors.title", request);
                    List<Crumb> crumbs = List.of(home(request), new Crumb(title, "/rumors"));
                    PageMeta meta = new PageMeta(title, renderer.message("site.rumors.description", request), "/rumors", null, "website",
                            crumbs, List.of(structured.breadcrumbs(request, crumbs)), null, false);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("rumors", found.getT1().getT1());
                    model.put("columns", found.getT1().getT2());
                    model.put("lists", found.getT2());
                    return renderer.render(request, "site/rumors", meta, model);
                }));
    }

    @GetMapping(value = "/rumors/{slug}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> rumor(@PathVariable String slug, ServerWebExchange exchange) {
        return pages.page(exchange, request -> rumors.bySlug(slug)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(rumor -> rebuttal(rumor).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(work -> {
                            List<Crumb> crumbs = new ArrayList<>(List.of(home(request),
                                    new Crumb(renderer.message("site.rumors.title", request), "/rumors")));
                            if (rumor.column() != null) {
                                crumbs.add(new Crumb(rumor.columnName(), "/rumors/columns/" + rumor.column()));
                            }
                            crumbs.add(new Crumb(rumor.claim(), "/rumors/" + rumor.slug()));
                            String verdict = renderer.message("rumor.verdict." + rumor.verdict().name(), request);
                            String title = renderer.message("site.rumor.title", request, verdict, rumor.claim());
                            PageMeta meta = new PageMeta(title, rumor.truth(), "/rumors/" + rumor.slug(), null, "article", crumbs,
                                    List.of(structured.claimReview(request, rumor, verdict), structured.breadcrumbs(request, crumbs)),
                                    rumor.column() == null ? null : "/rumors/columns/" + rumor.column() + "/feed.xml", false);
                            Map<String, Object> model = new LinkedHashMap<>();
                            model.put("rumor", rumor);
                            model.put("paragraphs", List.of(rumor.explanation().split("\\n\\s*\\n")));
                            model.put("rebuttal", work.orElse(null));
                            return renderer.render(request, "site/rumor", meta, model);
                        })));
    }

    private Mono<Map<String, String>> rebuttal(PublicRumor rumor) {
        return rumor.rebuttalWork() == null ? Mono.empty() : works.find(new WorkId(rumor.rebuttalWork()))
                .map(work -> Map.of("title", work.title(), "path", "/works/" + work.id().value()));
    }

    @GetMapping(value = "/rumors/columns/{slug}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> column(@PathVariable String slug, ServerWebExchange exchange) {
        return pages.page(exchange, request -> rumors.column(slug)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(column -> rumors.latest(slug, LATEST).collectList().flatMap(list -> {
                    List<Crumb> crumbs = List.of(home(request), new Crumb(renderer.message("site.rumors.title", request), "/rumors"),
                            new Crumb(column.name(), "/rumors/columns/" + slug));
                    String description = column.description() == null || column.description().isBlank() ? column.name() : column.description();
                    PageMeta meta = new PageMeta(column.name(), description, "/rumors/columns/" + slug, null, "website", crumbs,
                            List.of(structured.breadcrumbs(request, crumbs)), "/rumors/columns/" + slug + "/feed.xml", false);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("column", column);
                    model.put("rumors", list);
                    model.put("rumorHeading", 2);
                    return renderer.render(request, "site/rumor-listing", meta, model);
                })));
    }

    @GetMapping(value = "/rumors/columns/{slug}/feed.xml")
    Mono<ResponseEntity<byte[]>> columnFeed(@PathVariable String slug, ServerWebExchange exchange) {
        String self = exchange.getRequest().getPath().value();
        return pages.page(exchange, request -> rumors.column(slug)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(column -> rumors.latest(slug, properties.feedSize()).collectList()
                        .flatMap(list -> Mono.fromCallable(() -> RenderedPage.of(Feeds.write(request, column.name() + " - " + properties.name(),
                                        "/rumors/columns/" + slug, list.stream().map(rumor -> entry(request, rumor)).toList(), Feeds.RSS, self),
                                        "application/rss+xml;charset=UTF-8"))
                                .subscribeOn(Schedulers.boundedElastic()))));
    }

    private Feeds.FeedEntry entry(SiteRequest request, PublicRumor rumor) {
        String verdict = renderer.message("rumor.verdict." + rumor.verdict().name(), request);
        return new Feeds.FeedEntry(renderer.message("site.rumor.title", request, verdict, rumor.claim()), "/rumors/" + rumor.slug(),
                "urn:uuid:" + rumor.id(), properties.name(), rumor.publishedAt(), rumor.truth());
    }

    /** {@code 2026-10}: the 流言榜 of that month; {@code 2025}: that year's list. */
    @GetMapping(value = "/rumors/lists/{period}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> list(@PathVariable String period, ServerWebExchange exchange) {
        String kind = MONTH.matcher(period).matches() ? "MONTH" : YEAR.matcher(period).matches() ? "YEAR" : null;
        return pages.page(exchange, request -> (kind == null ? Mono.<org.kepu.rumor.PublicRumorList>empty() : rumors.list(kind, period))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(list -> {
                    List<Crumb> crumbs = List.of(home(request), new Crumb(renderer.message("site.rumors.title", request), "/rumors"),
                            new Crumb(list.title(), "/rumors/lists/" + period));
                    PageMeta meta = new PageMeta(list.title(), renderer.message("site.rumors.list-description", request, list.title()),
                            "/rumors/lists/" + period, null, "website", crumbs, List.of(structured.breadcrumbs(request, crumbs)), null, false);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("column", null);
                    model.put("rumors", list.items());
                    model.put("ranked", true);
                    model.put("rumorHeading", 2);
                    return renderer.render(request, "site/rumor-listing", meta, model);
                }));
    }

    /** The form is not cached: its state ({@code sent}, {@code problem}) is the visitor's own. */
    @GetMapping(value = "/rumors/report", produces = "text/html")
    Mono<ResponseEntity<byte[]>> report(@RequestParam(required = false) String sent, @RequestParam(required = false) String problem,
                                        ServerWebExchange exchange) {
        SiteRequest request = SiteRequest.of(exchange.getRequest(), properties);
        String title = renderer.message("site.rumors.report.title", request);
        List<Crumb> crumbs = List.of(home(request), new Crumb(renderer.message("site.rumors.title", request), "/rumors"),
                new Crumb(title, "/rumors/report"));
        PageMeta meta = new PageMeta(title, renderer.message("site.rumors.report.description", request), "/rumors/report", null, "website",
                crumbs, List.of(), null, false);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sent", sent != null);
        model.put("problem", problem != null && problem.matches("[a-z-]{1,60}") ? "problem." + problem : null);
        return renderer.render(request, "site/rumor-report", meta, model)
                .map(page -> ResponseEntity.ok().contentType(MediaType.parseMediaType(RenderedPage.HTML)).cacheControl(CacheControl.noStore())
                        .body(page.bytes()));
    }

    private Crumb home(SiteRequest request) {
        return new Crumb(renderer.message("site.crumb.home", request), "/");
    }
}
