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

    static final String RSS = "rss_2.0";
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

    /** One entry of a feed: a work, a rumor rebuttal. */
    record FeedEntry(String title, String path, String uri, String author, java.time.OffsetDateTime published, String summary) {
    }

    private static String write(SiteRequest request, Channel channel, List<PublishedWork> list, String type, String self)
            throws FeedException {
        List<FeedEntry> entries = list.stream().map(work -> new FeedEntry(work.title(), "/works/" + work.id().value(),
                "urn:uuid:" + work.id().value(), work.organisationName(), work.publishedAt(),
                work.summary() == null || work.summary().isBlank() ? work.title() : work.summary())).toList();
        return write(request, channel.title(), channel.path(), entries, type, self);
    }

    /** The feed as RSS 2.0 or Atom 1.0 ({@code type}); {@code self} is the feed's own path. */
    static String write(SiteRequest request, String title, String path, List<FeedEntry> list, String type, String self)
            throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(title);
        feed.setLink(request.absolute(path));
        feed.setUri(request.absolute(self));
        feed.setDescription(title);
        feed.setLanguage("zh-CN");
        if (!list.isEmpty() && list.get(0).published() != null) {
            feed.setPublishedDate(Date.from(list.get(0).published().toInstant()));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedEntry item : list) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(item.title());
            entry.setLink(request.absolute(item.path()));
            entry.setUri(item.uri());
            entry.setAuthor(item.author());
            if (item.published() != null) {
                entry.setPublishedDate(Date.from(item.published().toInstant()));
                entry.setUpdatedDate(Date.from(item.published().toInstant()));
            }
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(item.summary());
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return new SyndFeedOutput().outputString(feed);
    }
}
