package org.kepu.platform.internal.jobs;

import java.time.Duration;
import java.util.List;

import org.kepu.platform.PlatformProperties;
import org.kepu.platform.ScheduleProperties;
import org.kepu.platform.Sweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs every {@link Sweep} once per {@code kepu.schedule.sweep-interval}, on instances that run jobs. */
@Component
class Sweeps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final List<Sweep> sweeps;
    private final Duration interval;
    private final Duration grace;
    private final boolean enabled;
    private volatile Disposable running;

    Sweeps(List<Sweep> sweeps, ScheduleProperties schedule, PlatformProperties platform) {
        this.sweeps = List.copyOf(sweeps);
        this.interval = schedule.sweepInterval();
        this.grace = schedule.sweepGrace();
        this.enabled = platform.role().runsJobs() && !sweeps.isEmpty();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Flux.fromIterable(sweeps).concatMap(this::run), 0)
                .subscribe();
    }

    private Mono<Long> run(Sweep sweep) {
        return sweep.sweep(grace)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Sweep {} completed {} overdue items", sweep.name(), count);
                    }
                })
                .onErrorResume(error -> {
                    log.warn("Sweep {} failed", sweep.name(), error);
                    return Mono.empty();
                });
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

    /** Stop together with the job workers, before the database pool goes away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
