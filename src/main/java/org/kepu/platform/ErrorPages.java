package org.kepu.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors of browser pages as HTML in the site's style instead of problem details. The module that renders
 * pages implements it; API requests keep their problem details.
 */
public interface ErrorPages {

    /** Whether {@code exchange} is a page request that should get an HTML error page. */
    boolean handles(ServerWebExchange exchange);

    /** Writes the page; its language is the site's own choice for the visitor. */
    Mono<Void> write(ServerWebExchange exchange, HttpStatus status);
}
