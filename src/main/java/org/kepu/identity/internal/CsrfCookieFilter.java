package org.kepu.identity.internal;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security creates the CSRF token only when something asks for it. A browser's API requests ask,
 * so that the console has the {@code XSRF-TOKEN} cookie from its first call (typically
 * {@code GET /api/session}) on. Requests with Basic credentials never need it; media and pages, which
 * may be cached publicly, never carry it.
 */
class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        boolean browserApiCall = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")
                && !BasicCredentials.sent(exchange.getRequest());
        if (token == null || !browserApiCall) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    }
}
