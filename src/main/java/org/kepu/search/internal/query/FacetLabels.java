package org.kepu.search.internal.query;

import java.time.Duration;
import java.util.Map;

import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.org.Organisation;
import org.kepu.org.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Display names of organisations and topics for hits and facets, read once every few minutes rather than per search. */
@Component
class FacetLabels {

    /** Slug to display name, per kind of label. */
    record Labels(Map<String, String> organisations, Map<String, String> topics) {

        static final Labels NONE = new Labels(Map.of(), Map.of());
    }

    private final Mono<Labels> labels;

    FacetLabels(Organisations organisations, Topics topics) {
        this.labels = organisations.all().collectMap(Organisation::slug, Organisation::name)
                .zipWith(topics.all().collectMap(TopicName::slug, TopicName::name), Labels::new)
                .cache(found -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Empty maps while the lists cannot be read: labels are a convenience, never a reason to fail. */
    Mono<Labels> current() {
        return labels.onErrorReturn(Labels.NONE);
    }
}
