package org.kepu.platform.internal.jobs;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lease        how long a claimed job stays with its worker without a heartbeat; a job of a
 *                     worker that died is taken over after this
 * @param backoffBase  the delay before the first retry; each further retry doubles it
 * @param kinds        per job kind: concurrency per instance, attempts, time limit
 */
@ConfigurationProperties("kepu.jobs")
public record JobsProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("5s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffMax,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue KindSettings defaults,
        Map<String, KindSettings> kinds) {

    public JobsProperties {
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
    }

    public record KindSettings(@DefaultValue("2") int concurrency,
                               @DefaultValue("5") int maxAttempts,
                               @DefaultValue("30m") Duration timeout) {
    }

    public KindSettings forKind(String kind) {
        return kinds.getOrDefault(kind, defaults);
    }
}
