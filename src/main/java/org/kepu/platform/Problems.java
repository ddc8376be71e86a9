package org.kepu.platform;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes problem-details responses, for code that answers outside a handler (security filters). */
public interface Problems {

    Mono<Void> write(ServerWebExchange exchange, ProblemException problem);
}
