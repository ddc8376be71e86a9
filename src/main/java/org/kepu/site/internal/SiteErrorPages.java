package org.kepu.site.internal;

import java.util.List;
import java.util.Map;

import org.kepu.platform.ErrorPages;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors of page requests (GET or HEAD outside the API, media and actuator paths, from a client that
 * accepts HTML) as a page in the site's style with a way back; everything else keeps problem details.
 */
@Component
class SiteErrorPages implements ErrorPages {

    private final PageRenderer renderer;
    private final SiteProperties properties;

    SiteErrorPages(PageRenderer renderer, SiteProperties properties) {
        this.renderer = renderer;
        this.properties = properties;
    }

    @Override
    public boolean handles(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().value();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || !PagePaths.isPage(path)) {
            return false;
        }
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    @Override
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
        SiteRequest request = SiteRequest.of(exchange.getRequest(), properties);
        String kind = status == HttpStatus.NOT_FOUND ? "404" : status.is4xxClientError() ? "4xx" : "5xx";
        String title = renderer.message("site.error." + kind + ".title", request);
        PageMeta meta = new PageMeta(title, renderer.message("site.error." + kind + ".text", request),
                exchange.getRequest().getPath().value(), null, "website", List.of(), List.of(), null, true);
        return renderer.render(request, "site/error", meta, Map.of("status", status.value(), "kind", kind))
                .onErrorResume(failure -> Mono.just(RenderedPage.of("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>"
                        + status.value() + "</title><p>" + status.value() + "</p></html>", RenderedPage.HTML)))
                .flatMap(page -> {
                    ServerHttpResponse response = exchange.getResponse();
                    response.setStatusCode(status);
                    response.getHeaders().setContentType(MediaType.parseMediaType(RenderedPage.HTML));
                    response.getHeaders().setCacheControl("no-store");
                    return response.writeWith(Mono.just(response.bufferFactory().wrap(page.bytes())));
                });
    }
}
