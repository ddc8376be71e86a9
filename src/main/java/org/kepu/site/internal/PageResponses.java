package org.kepu.site.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Answers page requests from the page cache with validators: an ETag (a hash of the bytes) and
 * Last-Modified, so a browser or CDN revalidates cheaply; {@code no-cache} makes it revalidate every time,
 * so a publication shows at once. A client that accepts gzip gets the copy compressed once per render.
 * {@code ?lang=en|zh} sets the language cookie and redirects to the page.
 */
@Component
class PageResponses {

    private static final CacheControl PAGES = CacheControl.noCache().cachePublic();

    private final PageCache cache;
    private final SiteProperties properties;

    PageResponses(PageCache cache, SiteProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    /**
     * The page for the request, rendered by {@code render} when it is not cached. It is cached under
     * {@link PageKeys#of}: the page may depend on the path, the {@code page} and {@code district} parameters,
     * the language and the site's address, nothing else.
     */
    Mono<ResponseEntity<byte[]>> page(ServerWebExchange exchange, Function<SiteRequest, Mono<RenderedPage>> render) {
        return page(exchange, null, render);
    }

    /** Like {@link #page(ServerWebExchange, Function)} for a page that also depends on {@code extra} (a time window). */
    Mono<ResponseEntity<byte[]>> page(ServerWebExchange exchange, String extra, Function<SiteRequest, Mono<RenderedPage>> render) {
        String language = exchange.getRequest().getQueryParams().getFirst("lang");
        if (language != null) {
            return Mono.just(switchLanguage(exchange, language));
        }
        SiteRequest request = SiteRequest.of(exchange.getRequest(), properties);
        String key = PageKeys.of(exchange.getRequest(), request);
        return cache.get(extra == null ? key : key + "|" + extra, () -> render.apply(request))
                .map(page -> respond(exchange, page));
    }

    private static ResponseEntity<byte[]> respond(ServerWebExchange exchange, RenderedPage page) {
        RenderedPage.Body body = page.body(AcceptEncoding.gzip(exchange.getRequest().getHeaders()));
        if (exchange.checkNotModified(body.etag(), lastModified(page))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(cachingHeaders(page, body)).build();
        }
        return ResponseEntity.ok().headers(cachingHeaders(page, body)).headers(encodingHeaders(body))
                .contentType(MediaType.parseMediaType(page.contentType())).body(body.bytes());
    }

    /**
     * The validators and cache rules of every page answer, whether from a controller or {@link CachedPageFilter}:
     * the ETag names the encoding sent, and caches keep one copy per language cookie and per encoding.
     */
    static HttpHeaders cachingHeaders(RenderedPage page, RenderedPage.Body body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(body.etag());
        headers.setLastModified(lastModified(page));
        headers.setCacheControl(PAGES);
        headers.setVary(List.of(HttpHeaders.COOKIE, HttpHeaders.ACCEPT_ENCODING));
        return headers;
    }

    /**
     * {@code Content-Encoding} of a compressed page. The server's own compression leaves an encoded response as it is;
     * it only encodes an uncompressed page for a client that takes some other encoding but not gzip (rare).
     */
    static HttpHeaders encodingHeaders(RenderedPage.Body body) {
        HttpHeaders headers = new HttpHeaders();
        if (body.encoding() != null) {
            headers.set(HttpHeaders.CONTENT_ENCODING, body.encoding());
        }
        return headers;
    }

    static Instant lastModified(RenderedPage page) {
        return page.renderedAt().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ResponseEntity<byte[]> switchLanguage(ServerWebExchange exchange, String language) {
        String value = "en".equals(language) ? "en" : "zh";
        UriComponents without = UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replaceQueryParam("lang").build();
        String back = without.getPath();
        String query = without.getQuery();
        ResponseCookie cookie = ResponseCookie.from(SiteRequest.LANGUAGE_COOKIE, value).path("/").maxAge(Duration.ofDays(365))
                .sameSite("Lax").build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, query == null ? back : back + "?" + query)
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
