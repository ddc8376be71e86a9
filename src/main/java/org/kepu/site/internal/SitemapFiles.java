package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.kepu.content.Columns;
import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.Topics;
import org.kepu.org.Organisations;
import org.kepu.platform.ProblemException;
import org.kepu.rumor.PublicRumors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * {@code robots.txt} and the sitemap: {@code /sitemap.xml} is an index of {@code /sitemap-pages.xml} (home, topics,
 * columns, societies, events) and {@code /sitemap-works-N.xml}, {@code kepu.site.sitemap-size} works each.
 * Only public works appear.
 */
@RestController
class SitemapFiles {

    private static final String XML = "application/xml;charset=UTF-8";

    private final PageResponses pages;
    private final PublishedWorks works;
    private final Topics topics;
    private final Columns columns;
    private final Organisations organisations;
    private final SiteProperties properties;
    private final PublicRumors rumors;

    SitemapFiles(PageResponses pages, PublishedWorks works, Topics topics, Columns columns, Organisations organisations,
                 SiteProperties properties, PublicRumors rumors) {
        this.rumors = rumors;
        this.pages = pages;
        this.works = works;
        this.topics = topics;
        this.columns = columns;
        this.organisations = organisations;
        this.properties = properties;
    }

    /** Search pages may be fetched: each says itself whether it may be indexed ({@link SearchVocabulary}). */
    @GetMapping("/robots.txt")
    Mono<ResponseEntity<byte[]>> robots(ServerWebExchange exchange) {
        return pages.page(exchange, request -> Mono.just(RenderedPage.of("""
                User-agent: *
                Allow: /
                Disallow: /api/
                Disallow: /console

                Sitemap: %s
                """.formatted(request.absolute("/sitemap.xml")), "text/plain;charset=UTF-8")));
    }

    @GetMapping("/sitemap.xml")
    Mono<ResponseEntity<byte[]>> index(ServerWebExchange exchange) {
        return pages.page(exchange, request -> works.count(new org.kepu.content.WorkListing(null, null, null, null,
                List.of(), 0, 1)).map(total -> {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            xml.append("  <sitemap><loc>").append(request.absolute("/sitemap-pages.xml")).append("</loc></sitemap>\n");
            long files = Math.max(1, (total + properties.sitemapSize() - 1) / properties.sitemapSize());
            for (long n = 1; n <= files; n++) {
                xml.append("  <sitemap><loc>").append(request.absolute("/sitemap-works-" + n + ".xml")).append("</loc></sitemap>\n");
            }
            return RenderedPage.of(xml.append("</sitemapindex>\n").toString(), XML);
        }));
    }

    @GetMapping("/sitemap-pages.xml")
    Mono<ResponseEntity<byte[]>> sitePages(ServerWebExchange exchange) {
        return pages.page(exchange, request -> Mono.zip(topics.all().collectList(), columns.visible(OffsetDateTime.now()).collectList(),
                organisations.all().collectList(), rumorPaths()).map(found -> {
            List<String> paths = new ArrayList<>(List.of("/", "/topics", "/columns", "/societies", "/events", "/rumors"));
            paths.addAll(found.getT4());
            found.getT1().forEach(topic -> paths.add("/topics/" + topic.slug()));
            found.getT2().forEach(column -> paths.add("/columns/" + column.slug()));
            found.getT3().forEach(organisation -> paths.add("/societies/" + organisation.slug()));
            StringBuilder xml = urlset();
            paths.forEach(path -> xml.append("  <url><loc>").append(escape(request.absolute(path))).append("</loc></url>\n"));
            return RenderedPage.of(xml.append("</urlset>\n").toString(), XML);
        }));
    }

    /** The rumor library's columns, lists and items (a library of thousands, not of the works' size). */
    private Mono<List<String>> rumorPaths() {
        return Mono.zip(rumors.columns().map(column -> "/rumors/columns/" + column.slug()).collectList(),
                        rumors.lists().map(list -> "/rumors/lists/" + list.period()).collectList(),
                        rumors.latest(null, 200).map(rumor -> "/rumors/" + rumor.slug()).collectList())
                .map(found -> {
                    List<String> paths = new ArrayList<>(found.getT1());
                    paths.addAll(found.getT2());
                    paths.addAll(found.getT3());
                    return paths;
                });
    }

    @GetMapping("/sitemap-works-{number}.xml")
    Mono<ResponseEntity<byte[]>> worksFile(@PathVariable String number, ServerWebExchange exchange) {
        int file = Pagination.number(number);
        if (!Integer.toString(file).equals(number)) {
            return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "page-not-found"));
        }
        int size = properties.sitemapSize();
        return pages.page(exchange, request -> works
                .list(new org.kepu.content.WorkListing(null, null, null, null, List.of(), (file - 1) * size, size))
                .collectList().flatMap(list -> list.isEmpty() && file > 1
                        ? Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "page-not-found"))
                        : Mono.just(worksXml(request, list))));
    }

    private static RenderedPage worksXml(SiteRequest request, List<PublishedWork> list) {
        StringBuilder xml = urlset();
        for (PublishedWork work : list) {
            xml.append("  <url><loc>").append(escape(request.absolute("/works/" + work.id().value()))).append("</loc>");
            if (work.publishedAt() != null) {
                xml.append("<lastmod>").append(work.publishedAt().toLocalDate()).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return RenderedPage.of(xml.append("</urlset>\n").toString(), XML);
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
