package org.kepu.platform.internal.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/** Claims and runs the jobs of one kind on this instance, at most {@code concurrency} at a time. */
public final class KindWorker {

    private static final Logger log = LoggerFactory.getLogger(KindWorker.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    private final JobsTable table;
    private final JobHandler handler;
    private final JobsProperties.KindSettings settings;
    private final JobsProperties properties;
    private final Backoff backoff;
    private final String workerId;
    /** Jobs this worker runs now, with the subscription that runs each; an entry leaves when its job ends. */
    private final Map<Long, Disposable> running = new ConcurrentHashMap<>();
    /** Ticks that ask for a poll before the next interval: a job of this kind was committed, or one ended. */
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
    private final Flux<String> committedKinds;
    private Disposable polling;
    private Disposable heartbeat;

    /** @param committedKinds kinds of jobs committed anywhere, see {@link JobNotifications#kinds()} */
    public KindWorker(JobsTable table, JobHandler handler, JobsProperties properties, String workerId, Flux<String> committedKinds) {
        this.committedKinds = committedKinds;
        this.table = table;
        this.handler = handler;
        this.settings = properties.forKind(handler.kind());
        this.properties = properties;
        this.backoff = new Backoff(properties.backoffBase(), properties.backoffMax());
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    public synchronized void start() {
        Flux<Boolean> committed = committedKinds
                .filter(kind -> kind.equals(handler.kind()) || kind.equals(JobNotifications.ALL))
                .map(kind -> true);
        // A tick arriving while a poll runs is kept (only the latest), so a job committed meanwhile is not left
        // for the next interval.
        polling = Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval()).map(tick -> true), committed, wakeups.asFlux())
                .onBackpressureLatest()
                .concatMap(tick -> pollOnce().onErrorResume(error -> {
                    log.warn("Polling {} jobs failed: {}", handler.kind(), error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
        heartbeat = Flux.interval(properties.lease().dividedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> table.extendLeases(workerId, Set.copyOf(running.keySet()), properties.lease())
                        .onErrorResume(error -> Mono.empty()), 1)
                .subscribe();
    }

    private Mono<Void> pollOnce() {
        int free = settings.concurrency() - running.size();
        if (free <= 0) {
            return Mono.empty();
        }
        return table.failExhaustedLeases(handler.kind())
                .thenMany(table.claim(handler.kind(), free, workerId, properties.lease()))
                .doOnNext(this::execute)
                .then();
    }

    private void execute(Job job) {
        long id = job.id().value();
        Disposable.Swap slot = Disposables.swap();
        running.put(id, slot);
        Disposable execution = Mono.defer(() -> handler.handle(job))
                .subscribeOn(Schedulers.parallel())
                .timeout(settings.timeout())
                .then(Mono.defer(() -> table.succeed(job.id(), workerId)))
                .onErrorResume(error -> recordFailure(job, error))
                .doFinally(signal -> {
                    running.remove(id, slot);
                    wake();
                })
                .subscribe(recorded -> {
                    if (!recorded) {
                        log.warn("Job {} ({}) finished after its lease passed to another worker", job.id().value(), job.kind());
                    }
                }, error -> log.error("Could not record the outcome of job {}", job.id().value(), error));
        slot.update(execution);
    }

    /** Polls soon: a slot is free again, and more jobs may be waiting for one. */
    private void wake() {
        wakeups.emitNext(true, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    private Mono<Boolean> recordFailure(Job job, Throwable error) {
        boolean last = job.attempt() >= job.maxAttempts();
        log.warn("Job {} ({}) failed on attempt {}/{}{}: {}", job.id().value(), job.kind(), job.attempt(), job.maxAttempts(),
                last ? ", giving up" : "", error.toString());
        return table.fail(job.id(), workerId, describe(error), backoff.after(job.attempt()));
    }

    private static String describe(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** Stops taking jobs, lets running ones finish for a grace period, then hands the rest back. */
    public void stop() {
        stopPolling();
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        disposeExecutions();
        heartbeat.dispose();
        Long released = table.release(workerId).onErrorReturn(0L).block(Duration.ofSeconds(10));
        if (released != null && released > 0) {
            log.info("Handed {} unfinished {} jobs back to the queue", released, handler.kind());
        }
    }

    /** Stops dead, as a crashed process would: no heartbeat, no release. */
    public void halt() {
        stopPolling();
        heartbeat.dispose();
        disposeExecutions();
    }

    private void disposeExecutions() {
        running.values().forEach(Disposable::dispose);
        running.clear();
    }

    private synchronized void stopPolling() {
        if (polling != null) {
            polling.dispose();
        }
    }

    int runningCount() {
        return running.size();
    }
}
