package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** The events calendar (a list or a month grid, with filters) and the pages of series and occurrences. */
@RestController
class EventPages {

    private static final int LIMIT = 50;

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
     * The calendar: upcoming occurrences as a list, or a month as a list or a grid ({@link CalendarQuery}), filtered by
     * {@code topic}, {@code district}, {@code audience} and words ({@code q}). Unusable values are ignored.
     */
    @GetMapping(value = "/events", produces = "text/html")
    Mono<ResponseEntity<byte[]>> calendar(@RequestParam(required = false) String topic, @RequestParam(required = false) String district,
                                          @RequestParam(required = false) String audience, @RequestParam(required = false) String q,
                                          @RequestParam(required = false) String month, @RequestParam(required = false) String view,
                                          ServerWebExchange exchange) {
        OffsetDateTime now = OffsetDateTime.now(zone);
        CalendarQuery query = CalendarQuery.of(topic, district, audience, q, month, view, YearMonth.from(now));
        OffsetDateTime from = query.month() == null ? now : query.month().atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = query.month() == null ? now.plusYears(1) : query.month().plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        // Upcoming lists and "today" change with the clock: one cached page per hour and query.
        String key = now.withMinute(0).withSecond(0).withNano(0) + "|" + query.key();
        return pages.page(exchange, key, request -> Mono.zip(events.between(from, to, query.filter()), events.districts(from, to))
                .flatMap(found -> calendarPage(request, query, found.getT1(), found.getT2(), now)));
    }

    private Mono<RenderedPage> calendarPage(SiteRequest request, CalendarQuery query, List<EventView> found, List<String> districts,
                                            OffsetDateTime now) {
        YearMonth month = query.month();
        String listTitle = renderer.message("site.events.title", request);
        String title = month == null ? listTitle : renderer.message("site.events.month-title", request, month.getYear(), month.getMonthValue());
        List<Crumb> crumbs = List.of(new Crumb(renderer.message("site.crumb.home", request), "/"), new Crumb(listTitle, "/events"));
        // Words typed by visitors make pages without end: those stay out of search engines.
        PageMeta meta = new PageMeta(title, renderer.message("site.events.description", request), query.path(), null,
                "website", crumbs, List.of(), null, query.filter().text() != null);
        List<String> districtChoices = new ArrayList<>(districts);
        if (query.filter().district() != null && !districtChoices.contains(query.filter().district())) {
            districtChoices.add(0, query.filter().district());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("query", query);
        model.put("filter", query.filter());
        model.put("districts", districtChoices);
        model.put("grid", query.grid() ? MonthGrid.of(month, found, now.toLocalDate()) : null);
        model.put("events", found.size() > LIMIT && !query.grid() ? found.subList(0, LIMIT) : found);
        model.put("more", !query.grid() && found.size() > LIMIT);
        model.put("monthPath", month == null ? null : query.path(month));
        YearMonth shown = month == null ? YearMonth.from(now) : month;
        model.put("previousPath", month == null ? null : query.path(month.minusMonths(1)));
        model.put("nextPath", query.path(month == null ? shown : month.plusMonths(1)));
        model.put("nextMonth", month == null ? shown : month.plusMonths(1));
        model.put("previousMonth", month == null ? null : month.minusMonths(1));
        model.put("gridPath", query.path(true));
        model.put("listPath", query.path(false));
        model.put("upcomingPath", query.upcomingPath());
        model.put("clearPath", month == null ? "/events" : new CalendarQuery(EventFilter.NONE, month, query.grid()).path());
        return renderer.render(request, "site/events", meta, model);
    }
}
