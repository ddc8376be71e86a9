package org.kepu.site.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.content.WorkViewsChanged;
import org.kepu.platform.ModuleEvents;
import org.kepu.platform.PlatformProperties;
import org.kepu.platform.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves view counts from Redis to PostgreSQL every {@code kepu.site.views-flush}, on instances that run jobs.
 * The pending hash is renamed first (atomic: of several instances one takes it), so views counted during
 * a flush wait for the next one; a batch left behind by a crash is taken by a later flush. Views of works
 * that are not public are dropped.
 *
 * <p>One batch is added in one transaction, which also publishes {@link WorkViewsChanged} naming the works whose
 * totals grew (search queues the refresh of their popularity there); the batch leaves Redis only after the commit,
 * so a failed batch is taken again whole by the next flush rather than counted twice in part.
 */
@Component
class ViewsFlush implements SmartLifecycle {

    private static final String FLUSHING = "kepu:views:flushing:";
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ViewsFlush.class);

    private final RedisReactiveCommands<String, String> redis;
    private final DatabaseClient database;
    private final PublishedWorks works;
    private final ModuleEvents events;
    private final TransactionalOperator transaction;
    private final SiteProperties properties;
    private final boolean runsJobs;
    private final ZoneId zone;
    private volatile Disposable running;

    ViewsFlush(RedisReactiveCommands<String, String> redis, DatabaseClient database, PublishedWorks works, ModuleEvents events,
               TransactionalOperator transaction, SiteProperties properties, PlatformProperties platform,
               ScheduleProperties schedule) {
        this.redis = redis;
        this.database = database;
        this.works = works;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.runsJobs = platform.role().runsJobs();
        this.zone = schedule.timeZone();
    }

    /**
     * Takes the pending counts and adds them to PostgreSQL; the number of works updated. Batches left behind by a
     * flush that died are taken too, once they are older than {@link #ABANDONED} (a younger one may still be in
     * progress elsewhere), each claimed by an atomic rename so that only one flush adds it.
     */
    Mono<Long> flush() {
        Mono<String> own = claim(ViewCounter.PENDING);
        Flux<String> abandoned = ScanStream.scan(redis, ScanArgs.Builder.matches(FLUSHING + "*").limit(500))
                .filter(this::abandoned)
                .concatMap(this::claim);
        return Flux.concat(own, abandoned).concatMap(this::flushBatch).reduce(0L, Long::sum);
    }

    /** Renames {@code key} to a new batch of this flush; empty when another flush took it first. */
    private Mono<String> claim(String key) {
        String batch = FLUSHING + System.currentTimeMillis() + ":" + UUID.randomUUID();
        return redis.rename(key, batch).thenReturn(batch).onErrorResume(taken -> Mono.empty());
    }

    private boolean abandoned(String batch) {
        String[] parts = batch.substring(FLUSHING.length()).split(":", 2);
        try {
            return parts.length == 2 && Long.parseLong(parts[0]) < System.currentTimeMillis() - ABANDONED.toMillis();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private Mono<Long> flushBatch(String key) {
        LocalDate today = LocalDate.now(zone);
        return redis.hgetall(key).collectMap(KeyValue::getKey, KeyValue::getValue)
                .flatMap(counts -> Flux.fromIterable(counts.entrySet())
                        .concatMap(entry -> add(entry, today))
                        .collectList()
                        .flatMap(this::announce)
                        .as(transaction::transactional))
                .flatMap(updated -> redis.del(key).thenReturn(updated));
    }

    /** One event for the whole batch; the number of works updated. */
    private Mono<Long> announce(List<WorkId> updated) {
        return updated.isEmpty() ? Mono.just(0L) : events.publish(new WorkViewsChanged(updated)).thenReturn((long) updated.size());
    }

    /** Adds one work's pending views; the work, or nothing when it is not public (its views are dropped). */
    private Mono<WorkId> add(Map.Entry<String, String> entry, LocalDate today) {
        UUID work;
        try {
            work = UUID.fromString(entry.getKey());
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
        long views = Long.parseLong(entry.getValue());
        return works.find(new WorkId(work))
                .flatMap(published -> redis.pfcount(ViewCounter.visitorsKey(today, work))
                        .flatMap(visitors -> database.sql("""
                                        INSERT INTO site_work_views (work_id, views, updated_at) VALUES (:work, :views, now())
                                        ON CONFLICT (work_id) DO UPDATE SET views = site_work_views.views + EXCLUDED.views, updated_at = now()""")
                                .bind("work", work).bind("views", views).then()
                                .then(database.sql("""
                                                INSERT INTO site_work_views_daily (work_id, day, views, visitors) VALUES (:work, :day, :views, :visitors)
                                                ON CONFLICT (work_id, day) DO UPDATE SET views = site_work_views_daily.views + EXCLUDED.views,
                                                    visitors = GREATEST(site_work_views_daily.visitors, EXCLUDED.visitors)""")
                                        .bind("work", work).bind("day", today).bind("views", views).bind("visitors", visitors).then())
                                .thenReturn(published.id())));
    }

    @Override
    public void start() {
        if (!runsJobs || properties.viewsFlush().isZero()) {
            running = Flux.never().subscribe();
            return;
        }
        running = Flux.interval(properties.viewsFlush(), properties.viewsFlush())
                .onBackpressureDrop()
                .concatMap(tick -> flush().onErrorResume(error -> {
                    log.warn("View counts not moved to PostgreSQL this time: {}", error.toString());
                    return Mono.empty();
                }))
                .subscribe();
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
