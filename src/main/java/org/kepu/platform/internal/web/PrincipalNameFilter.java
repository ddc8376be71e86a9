package org.kepu.platform.internal.web;

import java.security.Principal;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps the signed-in account's name on the exchange: the security context lives in the Reactor context of the
 * filter chain, which an error handler outside the chain no longer sees ({@link ProblemDetailsHandler}).
 */
@Component
class PrincipalNameFilter implements WebFilter, Ordered {

    static final String ATTRIBUTE = PrincipalNameFilter.class.getName() + ".name";

    @Override
    public int getOrder() {
        // After Spring Security's filter chain (-100), which authenticates the request.
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName)
                .doOnNext(name -> exchange.getAttributes().put(ATTRIBUTE, name))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
