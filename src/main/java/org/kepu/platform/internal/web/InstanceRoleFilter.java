package org.kepu.platform.internal.web;

import org.kepu.platform.PlatformProperties;
import org.kepu.platform.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** A worker-only instance answers health and metrics probes and nothing else. */
@Component
class InstanceRoleFilter implements WebFilter, Ordered {

    private final boolean servesWeb;

    InstanceRoleFilter(PlatformProperties properties) {
        this.servesWeb = properties.role().servesWeb();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (servesWeb || exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        return Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "worker-instance"));
    }
}
