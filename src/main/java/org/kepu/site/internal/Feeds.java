package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.kepu.content.Columns;
import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.Topics;
import org.kepu.content.WorkListing;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** RSS 2.0 ({@code feed.xml}) and Atom 1.0 ({@code atom.xml}) of the newest works: the whole site, each topic, each column. */
@RestController
class Feeds {

    private static final String RSS = "rss_2.0";
    private static final String ATOM = "atom_1.0";

    private final PageResponses pages;
    private final PublishedWorks works;
    private final Topics topics;
    private final Columns columns;
    private final SiteProperties properties;

    Feeds(PageResponses pages, PublishedWorks works, Topics topics, Columns columns, SiteProperties properties) {
        this.pages = pages;
        this.works = works;
        this.topics = topics;
        this.columns = columns;
        this.properties = properties;
    }

    record Channel(String title, String path, WorkListing listing) {
    }

    @GetMapping({"/feed.xml", "/atom.xml"})
    Mono<ResponseEntity<byte[]>> site(ServerWebExchange exchange) {
        return feed(exchange, Mono.just(new Channel(properties.name(), "/", WorkListing.newest(properties.feedSize()))));
    }

    @GetMapping({"/topics/{slug}/feed.xml", "/topics/{slug}/atom.xml"})
    Mono<ResponseEntity<byte[]>> topic(@PathVariable String slug, ServerWebExchange exchange) {
        return feed(exchange, topics.all().filter(topic -> topic.slug().equals(slug)).next()
                .map(topic -> new Channel(topic.name() + " - " + properties.name(), "/topics/" + slug,
                        WorkListing.inTopic(slug, 0, properties.feedSize()))));
    }

    @GetMapping({"/columns/{slug}/feed.xml", "/columns/{slug}/atom.xml"})
    Mono<ResponseEntity<byte[]>> column(@PathVariable String slug, ServerWebExchange exchange) {
        return feed(exchange, columns.visible(OffsetDateTime.now()).filter(column -> column.slug().equals(slug)).next()
                .map(column -> new Channel(column.name() + " - " + properties.name(), "/columns/" + slug,
                        WorkListing.inColumn(slug, 0, properties.feedSize()))));
    }

    private Mono<ResponseEntity<byte[]>> feed(ServerWebExchange exchange, Mono<Channel> channel) {
        String path = exchange.getRequest().getPath().value();
        String type = path.endsWith("atom.xml") ? ATOM : RSS;
        String contentType = type.equals(ATOM) ? "application/atom+xml;charset=UTF-8" : "application/rss+xml;charset=UTF-8";
        return pages.page(exchange, request -> channel
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(about -> works.list(about.listing()).collectList()
                        .flatMap(list -> Mono.fromCallable(() -> RenderedPage.of(write(request, about, list, type, path), contentType))
                                .subscribeOn(Schedulers.boundedElastic()))));
    }

    private static String write(SiteRequest request, Channel channel, List<PublishedWork> list, String type, String self)
            throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(channel.title());
        feed.setLink(request.absolute(channel.path()));
        feed.setUri(request.absolute(self));
        feed.setDescription(channel.title());
        feed.setLanguage("zh-CN");
        if (!list.isEmpty() && list.get(0).publishedAt() != null) {
            feed.setPublishedDate(Date.from(list.get(0).publishedAt().toInstant()));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (PublishedWork work : list) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(work.title());
            entry.setLink(request.absolute("/works/" + work.id().value()));
            entry.setUri("urn:uuid:" + work.id().value());
            entry.setAuthor(work.organisationName());
            if (work.publishedAt() != null) {
                entry.setPublishedDate(Date.from(work.publishedAt().toInstant()));
                entry.setUpdatedDate(Date.from(work.publishedAt().toInstant()));
            }
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(work.summary() == null || work.summary().isBlank() ? work.title() : work.summary());
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return new SyndFeedOutput().outputString(feed);
    }
}
