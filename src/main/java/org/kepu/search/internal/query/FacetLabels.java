package org.kepu.search.internal.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.content.WorkKind;
import org.kepu.org.Organisation;
import org.kepu.org.Organisations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Display names for hits and facets: organisations and topics read once every few minutes rather than per search,
 * and the names of the work kinds (图文, 微视频, 动画, 音频; in English too) from the message bundles, read at start.
 */
@Component
class FacetLabels {

    /** Slug to display name, per kind of label. */
    record Labels(Map<String, String> organisations, Map<String, String> topics) {

        static final Labels NONE = new Labels(Map.of(), Map.of());
    }

    private final Mono<Labels> labels;
    private final Map<String, String> chineseKinds;
    private final Map<String, String> englishKinds;

    FacetLabels(Organisations organisations, Topics topics, MessageSource messages) {
        this.chineseKinds = kinds(messages, Locale.SIMPLIFIED_CHINESE);
        this.englishKinds = kinds(messages, Locale.ENGLISH);
        this.labels = organisations.all().collectMap(Organisation::slug, Organisation::name)
                .zipWith(topics.all().collectMap(TopicName::slug, TopicName::name), Labels::new)
                .cache(found -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    private static Map<String, String> kinds(MessageSource messages, Locale locale) {
        return Arrays.stream(WorkKind.values()).collect(Collectors.toUnmodifiableMap(WorkKind::name,
                kind -> messages.getMessage("search.kind." + kind.name(), null, kind.name(), locale)));
    }

    /** Kind to display name: English for an English locale, Chinese for any other. */
    Map<String, String> kinds(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? englishKinds : chineseKinds;
    }

    /** Empty maps while the lists cannot be read: labels are a convenience, never a reason to fail. */
    Mono<Labels> current() {
        return labels.onErrorReturn(Labels.NONE);
    }
}
