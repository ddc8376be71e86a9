package org.kepu.org;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Organisations {

    Mono<Organisation> find(OrganisationId id);

    Mono<Organisation> findBySlug(String slug);

    Flux<Organisation> all();
}
