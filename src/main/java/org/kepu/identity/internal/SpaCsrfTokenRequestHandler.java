package org.kepu.identity.internal;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's recipe for single-page applications: the console sends the raw value of the
 * {@code XSRF-TOKEN} cookie back in the {@code X-XSRF-TOKEN} header, while a server-rendered form
 * carries the masked token (BREACH protection) that pages render from the request attribute.
 */
final class SpaCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

    private final ServerCsrfTokenRequestHandler plain = new ServerCsrfTokenRequestAttributeHandler();
    private final ServerCsrfTokenRequestHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        masked.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        boolean fromHeader = exchange.getRequest().getHeaders().containsHeader(csrfToken.getHeaderName());
        return (fromHeader ? plain : masked).resolveCsrfTokenValue(exchange, csrfToken);
    }
}
