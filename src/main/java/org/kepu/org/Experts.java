package org.kepu.org;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Experts {

    /** Experts with an account who know at least one of {@code topics}, those who share the most first. */
    Flux<Expert> forTopics(List<String> topics);

    /** The expert who signs reviews with {@code username}; empty when that account is not in the expert pool. */
    Mono<Expert> byAccount(String username);
}
