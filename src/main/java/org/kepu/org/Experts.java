package org.kepu.org;

import java.util.List;

import reactor.core.publisher.Flux;

public interface Experts {

    /** Experts with an account who know at least one of {@code topics}, those who share the most first. */
    Flux<Expert> forTopics(List<String> topics);
}
