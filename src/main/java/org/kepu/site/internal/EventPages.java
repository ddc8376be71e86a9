package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.kepu.event.EventFilter;
import org.kepu.platform.ProblemException;
import org.kepu.platform.ScheduleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The events calendar: upcoming occurrences as a list, with an empty state when there are none. */
@RestController
class EventPages {

    private static final int LIMIT = 50;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern AUDIENCE = Pattern.compile("youth|elderly|all");
    private static final Pattern MONTH = Pattern.compile("(20[0-9]{2})-(0[1-9]|1[0-2])");

    private final PageResponses pages;
    private final PageRenderer renderer;
    private final UpcomingEvents events;
    private final StructuredData structured;
    private final ZoneId zone;

    EventPages(PageResponses pages, PageRenderer renderer, UpcomingEvents events, StructuredData structured, ScheduleProperties schedule) {
        this.pages = pages;
        this.renderer = renderer;
        this.events = events;
        this.structured = structured;
        this.zone = schedule.timeZone();
    }

    /** A series: its description and every occurrence, each also as {@code Event} JSON-LD. */
    @GetMapping(value = "/events/{series}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> series(@PathVariable String series, ServerWebExchange exchange) {
        return pages.page(exchange, request -> events.series(series)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(found -> render(request, found, null)));
    }

    /** One occurrence (a session or a tour stop) within its series. */
    @GetMapping(value = "/events/{series}/{occurrence}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> occurrence(@PathVariable String series, @PathVariable String occurrence, ServerWebExchange exchange) {
        return pages.page(exchange, request -> events.series(series)
                .filter(found -> found.occurrences().stream().anyMatch(o -> o.id().equals(occurrence)))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(found -> render(request, found, occurrence)));
    }

    private Mono<RenderedPage> render(SiteRequest request, UpcomingEvents.SeriesView series, String occurrence) {
        List<EventView> shown = occurrence == null ? series.occurrences()
                : series.occurrences().stream().filter(o -> o.id().equals(occurrence)).toList();
        String listTitle = renderer.message("site.events.title", request);
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb(renderer.message("site.crumb.home", request), "/"),
                new Crumb(listTitle, "/events"), new Crumb(series.title(), series.path())));
        String title = series.title();
        if (occurrence != null) {
            title = shown.get(0).title();
            crumbs.add(new Crumb(title, shown.get(0).path()));
        }
        String description = series.summary() != null && !series.summary().isBlank() ? series.summary() : series.title();
        List<String> jsonLd = new ArrayList<>();
        shown.forEach(event -> jsonLd.add(structured.event(request, event, description)));
        jsonLd.add(structured.breadcrumbs(request, crumbs));
        PageMeta meta = new PageMeta(title, description, crumbs.get(crumbs.size() - 1).path(), series.coverUrl(), "website", crumbs,
                jsonLd, null, false);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("series", series);
        model.put("events", shown);
        return renderer.render(request, "site/event", meta, model);
    }

    /**
     * Upcoming occurrences, filtered by {@code topic}, {@code district}, {@code audience}, words ({@code q}) and a
     * month ({@code month=2026-09}: that month instead of the coming year). Unusable values are ignored.
     */
    @GetMapping(value = "/events", produces = "text/html")
    Mono<ResponseEntity<byte[]>> calendar(@RequestParam(required = false) String topic, @RequestParam(required = false) String district,
                                          @RequestParam(required = false) String audience, @RequestParam(required = false) String q,
                                          @RequestParam(required = false) String month, ServerWebExchange exchange) {
        EventFilter filter = new EventFilter(matching(topic, SLUG), shortText(district), matching(audience, AUDIENCE), shortText(q));
        YearMonth chosenMonth = month(month);
        OffsetDateTime now = OffsetDateTime.now(zone);
        OffsetDateTime from = chosenMonth == null ? now : chosenMonth.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = chosenMonth == null ? now.plusYears(1) : from.plusMonths(1);
        // Upcoming lists change with the clock: one cached page per hour and filter.
        String key = now.withMinute(0).withSecond(0).withNano(0) + "|" + filter + "|" + chosenMonth;
        return pages.page(exchange, key, request -> events.between(from, to, filter)
                .map(list -> list.size() > LIMIT ? list.subList(0, LIMIT) : list)
                .flatMap(list -> {
                    String title = chosenMonth == null ? renderer.message("site.events.title", request)
                            : renderer.message("site.events.month-title", request, chosenMonth.getYear(), chosenMonth.getMonthValue());
                    List<Crumb> crumbs = List.of(new Crumb(renderer.message("site.crumb.home", request), "/"),
                            new Crumb(renderer.message("site.events.title", request), "/events"));
                    PageMeta meta = new PageMeta(title, renderer.message("site.events.description", request), "/events", null,
                            "website", crumbs, List.of(), null, false);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("events", list);
                    model.put("district", filter.district());
                    return renderer.render(request, "site/events", meta, model);
                }));
    }

    private static String matching(String value, Pattern pattern) {
        return value != null && pattern.matcher(value.strip()).matches() ? value.strip() : null;
    }

    private static String shortText(String value) {
        return value == null || value.isBlank() || value.length() > 30 ? null : value.strip();
    }

    private static YearMonth month(String value) {
        return value != null && MONTH.matcher(value.strip()).matches() ? YearMonth.parse(value.strip()) : null;
    }
}
