package org.kepu.platform;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The TCP peer of the request being served, read from the Reactor context where Spring Security puts
 * the exchange. Behind a proxy this is the proxy unless forwarded headers are enabled deliberately.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The address, or an empty string outside a request (jobs, start-up). */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.just(context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                .map(exchange -> exchange.getRequest().getRemoteAddress())
                .filter(remote -> remote.getAddress() != null)
                .map(remote -> remote.getAddress().getHostAddress())
                .orElse("")));
    }
}
