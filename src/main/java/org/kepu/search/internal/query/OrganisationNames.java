package org.kepu.search.internal.query;

import java.time.Duration;
import java.util.Map;

import org.kepu.org.Organisation;
import org.kepu.org.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Display names of organisations for facets, read once every few minutes rather than per search. */
@Component
class OrganisationNames {

    private final Mono<Map<String, String>> names;

    OrganisationNames(Organisations organisations) {
        this.names = organisations.all()
                .collectMap(Organisation::slug, Organisation::name)
                .cache(found -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Slug to name; empty while the list cannot be read (labels are a convenience, never a reason to fail). */
    Mono<Map<String, String>> bySlug() {
        return names.onErrorReturn(Map.of());
    }
}
