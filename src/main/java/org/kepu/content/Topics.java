package org.kepu.content;

import reactor.core.publisher.Flux;

/** The topics works are filed under, in their display order. */
public interface Topics {

    Flux<TopicName> all();
}
