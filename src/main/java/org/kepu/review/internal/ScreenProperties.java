package org.kepu.review.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sensitive-word screen.
 *
 * @param contextChars   characters shown on each side of a hit
 * @param reloadInterval how often every instance reloads the dictionary from PostgreSQL anyway, in case it
 *                       missed a change message (Redis pub/sub delivers to connected listeners only)
 * @param channel        the Redis channel that announces dictionary changes to all instances
 * @param maxCheckChars  the longest text {@code POST /api/admin/review/sensitive-words/check} accepts
 */
@ConfigurationProperties("kepu.review.screen")
record ScreenProperties(@DefaultValue("15") int contextChars,
                        @DefaultValue("5m") Duration reloadInterval,
                        @DefaultValue("kepu:review:sensitive-words") String channel,
                        @DefaultValue("100000") int maxCheckChars) {

    static ScreenProperties defaults() {
        return new ScreenProperties(15, Duration.ofMinutes(5), "kepu:review:sensitive-words", 100_000);
    }
}
