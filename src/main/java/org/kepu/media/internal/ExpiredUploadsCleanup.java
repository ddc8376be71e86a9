package org.kepu.media.internal;

import java.time.Duration;

import org.kepu.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * On worker instances: aborts multipart uploads that stayed unfinished past their expiry, so no
 * abandoned parts stay in object storage. Instances share the work through row claims.
 */
@Component
class ExpiredUploadsCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredUploadsCleanup.class);
    private static final int BATCH = 20;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private final UploadsTable uploads;
    private final AssetsTable assets;
    private final MultipartUploads multipart;
    private final Duration interval;
    private final boolean enabled;
    private volatile Disposable running;

    ExpiredUploadsCleanup(UploadsTable uploads, AssetsTable assets, MultipartUploads multipart, MediaProperties properties,
                          PlatformProperties platform) {
        this.uploads = uploads;
        this.assets = assets;
        this.multipart = multipart;
        this.interval = properties.cleanupInterval();
        this.enabled = platform.role().runsJobs();
    }

    Mono<Long> sweep() {
        return uploads.claimExpired(BATCH, RETRY_AFTER)
                .concatMap(upload -> multipart.discard(upload, "ABORTED")
                        .then(assets.markAborted(upload.asset(), "expired"))
                        .thenReturn(1L)
                        .onErrorResume(error -> {
                            log.warn("Could not abort expired upload {}; retrying in {}", upload.id(), RETRY_AFTER, error);
                            return Mono.just(0L);
                        }))
                .reduce(0L, Long::sum);
    }

    @Override
    public void start() {
        if (enabled) {
            running = Flux.interval(interval, interval)
                    .onBackpressureDrop()
                    .concatMap(tick -> sweep().onErrorResume(error -> {
                        log.warn("Sweep of expired uploads failed", error);
                        return Mono.empty();
                    }), 0)
                    .subscribe(count -> {
                        if (count > 0) {
                            log.info("Aborted {} expired media uploads", count);
                        }
                    });
        }
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
