package org.kepu.site.internal;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a page request from this instance's memory before the security filters and the dispatcher run:
 * site pages are public and the same for every visitor of a language, and only pages the site's own
 * controllers rendered are in that memory. Anything else (a miss, a language switch, the API) goes on as
 * usual. The response is the one {@link PageResponses} would give, security headers included.
 */
@Component
class CachedPageFilter implements WebFilter, Ordered {

    /** Before Spring Security's chain (-100), after the HTTP observation filter (metrics still count these). */
    static final int ORDER = -101;

    private final PageCache cache;
    private final SiteProperties properties;

    CachedPageFilter(PageCache cache, SiteProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || request.getQueryParams().containsKey("lang")) {
            return chain.filter(exchange);
        }
        if (!PagePaths.isPage(request.getPath().value())) {
            return chain.filter(exchange);
        }
        RenderedPage page = cache.local(PageKeys.of(request, SiteRequest.of(request, properties)));
        if (page == null) {
            return chain.filter(exchange);
        }
        return write(exchange, page);
    }

    private static Mono<Void> write(ServerWebExchange exchange, RenderedPage page) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        // What Spring Security would have added, had the request gone through its chain.
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-XSS-Protection", "0");
        RenderedPage.Body body = page.body(AcceptEncoding.gzip(exchange.getRequest().getHeaders()));
        boolean unchanged = exchange.checkNotModified(body.etag(), PageResponses.lastModified(page));
        headers.putAll(PageResponses.cachingHeaders(page, body));
        if (unchanged) {
            return response.setComplete();
        }
        headers.putAll(PageResponses.encodingHeaders(body));
        headers.setContentType(MediaType.parseMediaType(page.contentType()));
        headers.setContentLength(body.bytes().length);
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.bytes())));
    }
}
