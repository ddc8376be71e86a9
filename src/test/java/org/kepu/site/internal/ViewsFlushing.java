package org.kepu.site.internal;

import java.time.Duration;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/** Lets tests of other packages move counted views to PostgreSQL now instead of waiting for the flush interval. */
public final class ViewsFlushing {

    private ViewsFlushing() {
    }

    /** Flushes, then waits for a flush that was already running (the periodic one may have taken the counts first). */
    @SuppressWarnings("unchecked")
    public static void flushNow(ApplicationContext context) {
        RedisReactiveCommands<String, String> redis = context.getBean(RedisReactiveCommands.class);
        context.getBean(ViewsFlush.class).flush().block(Duration.ofSeconds(10));
        await("flushes in progress").atMost(Duration.ofSeconds(30))
                .until(() -> redis.keys("kepu:views:flushing:*").collectList().block().isEmpty());
    }
}
