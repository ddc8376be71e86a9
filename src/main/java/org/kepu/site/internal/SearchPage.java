package org.kepu.site.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Optional;

import org.kepu.platform.ProblemException;
import org.kepu.rumor.PublicRumors;
import org.kepu.rumor.RumorCard;
import org.kepu.search.SearchParameters;
import org.kepu.search.SearchResult;
import org.kepu.search.WorkSearches;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The search page: query box with suggestions, facets, highlighted snippets, pages. Not cached: each query
 * is its own page. Results for the site's own terms may be indexed ({@link SearchVocabulary}), others are {@code noindex}. While the search server is down the page still renders, with a notice and status 503.
 */
@RestController
class SearchPage {

    private static final int PER_PAGE = 10;
    /** Page links stop at search's default page depth ({@code kepu.search.max-page-depth}); deeper pages answer 422. */
    private static final int REACHABLE = 1000;
    /** A rumor card that takes longer than this is left out rather than slowing the results. */
    private static final java.time.Duration RUMOR_WAIT = java.time.Duration.ofSeconds(2);
    private static final List<String> FACETS = List.of("topic", "kind", "organisation", "year");

    private final PageRenderer renderer;
    private final WorkSearches searches;
    private final WorkCards cards;
    private final SiteProperties properties;
    private final PublicRumors rumors;
    private final SearchVocabulary vocabulary;

    SearchPage(PageRenderer renderer, WorkSearches searches, WorkCards cards, SiteProperties properties, PublicRumors rumors,
               SearchVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.renderer = renderer;
        this.searches = searches;
        this.cards = cards;
        this.properties = properties;
        this.rumors = rumors;
    }

    record Facet(String name, List<FacetLink> values) {
    }

    record FacetLink(String label, long count, String path, boolean selected) {
    }

    /**
     * @param rumor the rebuttal card of a known rumor the query matches, or null
     * @param term  the query as a term of the site's vocabulary ({@link SearchVocabulary}), or null
     */
    record Outcome(HttpStatus status, SearchResult result, String problem, RumorCard rumor, String term) {
    }

    @GetMapping(value = "/search", produces = "text/html")
    Mono<ResponseEntity<byte[]>> search(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) List<String> topic,
                                        @RequestParam(required = false) List<String> kind,
                                        @RequestParam(required = false) List<String> organisation,
                                        @RequestParam(required = false) List<String> year,
                                        @RequestParam(required = false) String sort,
                                        @RequestParam(required = false) String page,
                                        ServerWebExchange exchange) {
        SiteRequest request = SiteRequest.of(exchange.getRequest(), properties);
        int number = Pagination.number(page);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("topic", topic == null ? List.of() : topic);
        filters.put("kind", kind == null ? List.of() : kind);
        filters.put("organisation", organisation == null ? List.of() : organisation);
        filters.put("year", year == null ? List.of() : year);
        SearchParameters parameters = new SearchParameters(q, filters.get("topic"), filters.get("kind"), filters.get("organisation"),
                filters.get("year"), sort, Integer.toString(PER_PAGE), Integer.toString(number), null);
        Mono<Optional<RumorCard>> card = q == null || q.isBlank() || number > 1 ? Mono.just(Optional.empty())
                : rumors.matchFor(q).map(Optional::of).timeout(RUMOR_WAIT, Mono.empty()).defaultIfEmpty(Optional.empty());
        return searches.search(parameters)
                .map(result -> new Outcome(HttpStatus.OK, result, null, null, null))
                .onErrorResume(ProblemException.class, problem -> Mono.just(new Outcome(
                        problem.status().is5xxServerError() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK, null, problem.code(), null, null)))
                .zipWith(card, (outcome, rumor) -> new Outcome(outcome.status(), outcome.result(), outcome.problem(), rumor.orElse(null), null))
                .zipWith(vocabulary.term(q), (outcome, term) -> new Outcome(outcome.status(), outcome.result(), outcome.problem(),
                        outcome.rumor(), term.orElse(null)))
                .flatMap(outcome -> render(request, q, sort, filters, number, outcome)
                        .map(html -> {
                            ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status())
                                    .contentType(MediaType.parseMediaType(RenderedPage.HTML))
                                    .cacheControl(CacheControl.noCache());
                            if (outcome.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                                response.header(HttpHeaders.RETRY_AFTER, "30");
                            }
                            return response.body(html.bytes());
                        }));
    }

    private Mono<RenderedPage> render(SiteRequest request, String q, String sort, Map<String, List<String>> filters, int page,
                                      Outcome outcome) {
        String query = q == null ? "" : q.strip();
        String base = "/search?" + query(query, sort, filters);
        List<Crumb> crumbs = List.of(new Crumb(renderer.message("site.crumb.home", request), "/"),
                new Crumb(renderer.message("site.search.title", request), "/search"));
        String title = query.isEmpty() ? renderer.message("site.search.title", request)
                : renderer.message("site.search.title-for", request, query);
        PageMeta meta = new PageMeta(title, renderer.message("site.search.description", request), canonical(query, page, outcome, base),
                null, "website", crumbs, List.of(), null, !indexable(query, outcome));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", query);
        model.put("sort", sort == null ? "" : sort);
        model.put("problem", outcome.problem());
        model.put("rumorCard", outcome.rumor());
        SearchResult result = outcome.result();
        if (result == null) {
            model.put("hits", List.of());
            model.put("total", 0L);
            model.put("facets", List.of());
            model.put("pagination", null);
            return renderer.render(request, "site/search", meta, model);
        }
        return cards.topicNames().map(topics -> {
            model.put("hits", result.hits().stream().map(hit -> card(hit, topics)).toList());
            model.put("total", result.total());
            model.put("facets", facets(result, query, sort, filters));
            long reachable = Math.min(result.total(), REACHABLE);
            model.put("pagination", Pagination.of(base, page, reachable, PER_PAGE));
            return model;
        }).flatMap(filled -> renderer.render(request, "site/search", meta, filled));
    }

    /**
     * Results for a term of the site's vocabulary are a page search engines may keep, under the address of the
     * term as the site writes it (filters and order are variants of it); so is the empty search page. Any other
     * text, a failed search and a search that finds nothing are not.
     */
    private static boolean indexable(String query, Outcome outcome) {
        if (outcome.result() == null) {
            return false;
        }
        return query.isEmpty() || (outcome.term() != null && outcome.result().total() > 0);
    }

    private static String canonical(String query, int page, Outcome outcome, String base) {
        if (query.isEmpty()) {
            return "/search";
        }
        if (outcome.term() == null) {
            return base;
        }
        return "/search?q=" + encode(outcome.term()) + (page > 1 ? "&page=" + page : "");
    }

    private WorkCard card(SearchResult.Hit hit, Map<String, String> topics) {
        return new WorkCard(hit.id(), "/works/" + hit.id(), hit.title(), hit.summary(), hit.kind(),
                hit.topics().stream().map(slug -> topics.getOrDefault(slug, slug)).toList(),
                hit.organisation() == null ? null : hit.organisation().name(),
                hit.publishedAt() == null ? "" : cards.day(hit.publishedAt().atOffset(java.time.ZoneOffset.UTC)),
                hit.publishedAt() == null ? null : WorkCards.machineTime(hit.publishedAt().atOffset(java.time.ZoneOffset.UTC)), null, null, null, null,
                hit.durationSeconds() == null ? null : WorkCards.clock(java.time.Duration.ofSeconds(hit.durationSeconds())),
                hit.highlightedTitle(), hit.fragments());
    }

    private List<Facet> facets(SearchResult result, String q, String sort, Map<String, List<String>> filters) {
        List<Facet> facets = new ArrayList<>();
        for (String name : FACETS) {
            List<SearchResult.FacetValue> values = result.facets().getOrDefault(name, List.of());
            if (values.isEmpty()) {
                continue;
            }
            List<FacetLink> links = new ArrayList<>();
            for (SearchResult.FacetValue value : values) {
                String raw = name.equals("kind") ? value.value().toLowerCase(java.util.Locale.ROOT) : value.value();
                boolean selected = filters.get(name).stream().anyMatch(v -> v.equalsIgnoreCase(value.value()));
                Map<String, List<String>> toggled = new LinkedHashMap<>(filters);
                List<String> chosen = new ArrayList<>(filters.get(name));
                if (selected) {
                    chosen.removeIf(v -> v.equalsIgnoreCase(value.value()));
                } else {
                    chosen.add(raw);
                }
                toggled.put(name, chosen);
                // Kinds are named by the page's own messages (its language is the visitor's choice, not the request's).
                String label = name.equals("kind") ? value.value().toUpperCase(java.util.Locale.ROOT)
                        : value.label() != null ? value.label() : value.value();
                links.add(new FacetLink(label, value.count(),
                        "/search?" + query(q, sort, toggled), selected));
            }
            facets.add(new Facet(name, links));
        }
        return facets;
    }

    static String query(String q, String sort, Map<String, List<String>> filters) {
        StringBuilder query = new StringBuilder("q=").append(encode(q == null ? "" : q));
        filters.forEach((name, values) -> values.forEach(value -> query.append('&').append(name).append('=').append(encode(value))));
        if (sort != null && !sort.isBlank()) {
            query.append("&sort=").append(encode(sort));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
