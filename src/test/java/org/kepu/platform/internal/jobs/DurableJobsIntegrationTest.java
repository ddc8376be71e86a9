package org.kepu.platform.internal.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobId;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KepuIntegrationTest
class DurableJobsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Jobs jobs;
    @Autowired
    JobsTable table;
    @Autowired
    DatabaseClient database;
    @Autowired
    TransactionalOperator transaction;
    @Autowired
    WebTestClient web;
    @Autowired
    JobNotifications notifications;

    private final List<KindWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(KindWorker::halt);
    }

    @Test
    void aJobIsEnqueuedOnlyWhenItsTransactionCommits() {
        String kind = uniqueKind();
        JobId committed = jobs.enqueue(JobRequest.of(kind, "{\"work\":1}")).as(transaction::transactional).block();
        Mono<JobId> rolledBack = jobs.enqueue(JobRequest.of(kind, "{\"work\":2}"))
                .then(Mono.<JobId>error(new IllegalStateException("the change failed")))
                .as(transaction::transactional);
        assertThat(rolledBack.onErrorResume(e -> Mono.empty()).block()).isNull();

        assertThat(countOf(kind)).isEqualTo(1);
        assertThat(table.find(committed.value()).block().payload()).contains("\"work\": 1");
    }

    @Test
    void aCommittedJobWakesItsWorkerWithoutWaitingForThePoll() throws InterruptedException {
        String kind = uniqueKind();
        List<Long> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobsProperties hourly = new JobsProperties(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMillis(200), new JobsProperties.KindSettings(1, 3, Duration.ofMinutes(1)), Map.of());
        worker(hourly, handler(kind, job -> {
            ran.add(job.id().value());
            return Mono.delay(Duration.ofMillis(50)).then();
        }), "sleeper").start();
        // After the worker's first poll, so within the hour only a wake-up can find the job.
        Thread.sleep(500);

        JobId inTransaction = jobs.enqueue(JobRequest.of(kind, "{}")).as(transaction::transactional).block();
        await().atMost(WAIT).until(() -> ran.contains(inTransaction.value()));
        // More jobs than the worker's one slot: each one that ends frees the slot and wakes it for the next.
        List<JobId> burst = Flux.range(0, 3).concatMap(i -> jobs.enqueue(JobRequest.of(kind, "{}"))).collectList().block();
        await().atMost(WAIT).until(() -> ran.size() == 4);
        assertThat(ran).containsAll(burst.stream().map(JobId::value).toList());
    }

    @Test
    void aJobOfAWorkerThatDiedIsTakenOverAfterItsLeaseExpires() {
        String kind = uniqueKind();
        AtomicInteger started = new AtomicInteger();
        JobsProperties shortLease = properties(Duration.ofSeconds(1), 3, 1);
        KindWorker doomed = worker(shortLease, handler(kind, job -> {
            started.incrementAndGet();
            return Mono.never();
        }), "doomed");
        JobId id = jobs.enqueue(JobRequest.of(kind, "{}")).block();
        doomed.start();
        await().atMost(WAIT).until(() -> started.get() == 1);
        assertThat(table.find(id.value()).block().status()).isEqualTo(JobStatus.RUNNING);

        doomed.halt();
        KindWorker survivor = worker(shortLease, handler(kind, job -> Mono.empty()), "survivor");
        survivor.start();

        await().atMost(WAIT).until(() -> table.find(id.value()).block().status() == JobStatus.SUCCEEDED);
        JobRecord done = table.find(id.value()).block();
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void heartbeatsKeepALongJobWithItsWorker() {
        String kind = uniqueKind();
        AtomicInteger runs = new AtomicInteger();
        JobsProperties shortLease = properties(Duration.ofMillis(1500), 3, 1);
        KindWorker slow = worker(shortLease, handler(kind, job -> {
            runs.incrementAndGet();
            return Mono.delay(Duration.ofMillis(4500)).then();
        }), "slow");
        KindWorker rival = worker(shortLease, handler(kind, job -> {
            runs.incrementAndGet();
            return Mono.empty();
        }), "rival");
        JobId id = jobs.enqueue(JobRequest.of(kind, "{}")).block();
        slow.start();
        await().atMost(WAIT).until(() -> runs.get() == 1);
        rival.start();

        await().atMost(WAIT).until(() -> table.find(id.value()).block().status() == JobStatus.SUCCEEDED);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(table.find(id.value()).block().attempts()).isEqualTo(1);
    }

    @Test
    void concurrentClaimersNeverRunAJobTwice() {
        String kind = uniqueKind();
        int count = 200;
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        Flux.range(0, count).concatMap(i -> jobs.enqueue(JobRequest.of(kind, "{\"n\":" + i + "}"))).blockLast();
        JobsProperties fast = properties(Duration.ofSeconds(30), 3, 4);
        for (int i = 0; i < 4; i++) {
            worker(fast, handler(kind, job -> {
                runs.computeIfAbsent(job.id().value(), k -> new AtomicInteger()).incrementAndGet();
                return Mono.delay(Duration.ofMillis(5)).then();
            }), "claimer-" + i).start();
        }

        await().atMost(WAIT).until(() -> countOf(kind, JobStatus.SUCCEEDED) == count);
        assertThat(runs).hasSize(count);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void aFailingJobIsRetriedWithBackoffUntilItSucceeds() {
        String kind = uniqueKind();
        AtomicInteger attempts = new AtomicInteger();
        worker(properties(Duration.ofSeconds(30), 5, 1), handler(kind, job -> attempts.incrementAndGet() < 3
                ? Mono.error(new IllegalStateException("transcoder busy"))
                : Mono.empty()), "retrier").start();
        JobId id = jobs.enqueue(JobRequest.of(kind, "{}")).block();

        await().atMost(WAIT).until(() -> table.find(id.value()).block().status() == JobStatus.SUCCEEDED);
        JobRecord done = table.find(id.value()).block();
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastError()).contains("transcoder busy");
    }

    @Test
    void aJobThatKeepsFailingEndsFailedWithItsError() {
        String kind = uniqueKind();
        worker(properties(Duration.ofSeconds(30), 5, 1),
                handler(kind, job -> Mono.error(new IllegalArgumentException("源文件已损坏"))), "failer").start();
        JobId id = jobs.enqueue(JobRequest.of(kind, "{}").withMaxAttempts(3)).block();

        await().atMost(WAIT).until(() -> table.find(id.value()).block().status() == JobStatus.FAILED);
        JobRecord failed = table.find(id.value()).block();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("IllegalArgumentException").contains("源文件已损坏");
    }

    @Test
    void higherPriorityJobsRunFirst() {
        String kind = uniqueKind();
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        jobs.enqueue(JobRequest.of(kind, "{\"name\":\"low\"}")).block();
        jobs.enqueue(JobRequest.of(kind, "{\"name\":\"high\"}").withPriority(10)).block();
        worker(properties(Duration.ofSeconds(30), 3, 1), handler(kind, job -> {
            order.add(job.payload().contains("high") ? "high" : "low");
            return Mono.empty();
        }), "prioritiser").start();

        await().atMost(WAIT).until(() -> order.size() == 2);
        assertThat(order).containsExactly("high", "low");
    }

    @Test
    void aWorkerThatStopsHandsUnfinishedJobsBack() {
        String kind = uniqueKind();
        AtomicInteger started = new AtomicInteger();
        KindWorker leaving = worker(properties(Duration.ofSeconds(60), 3, 1), handler(kind, job -> {
            started.incrementAndGet();
            return Mono.never();
        }), "leaving");
        JobId id = jobs.enqueue(JobRequest.of(kind, "{}")).block();
        leaving.start();
        await().atMost(WAIT).until(() -> started.get() == 1);

        leaving.stop();

        JobRecord released = table.find(id.value()).block();
        assertThat(released.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(released.attempts()).isZero();
        assertThat(released.lockedBy()).isNull();
    }

    @Test
    void administratorsListAndRetryFailedJobs() {
        String kind = uniqueKind();
        AtomicInteger runs = new AtomicInteger();
        worker(properties(Duration.ofSeconds(30), 1, 1), handler(kind, job -> runs.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("存储暂不可用"))
                : Mono.empty()), "admin-retry").start();
        JobId id = jobs.enqueue(JobRequest.of(kind, "{}").withMaxAttempts(1)).block();
        await().atMost(WAIT).until(() -> table.find(id.value()).block().status() == JobStatus.FAILED);
        WebTestClient admin = web.mutate().defaultHeaders(h -> h.setBasicAuth("admin", "test-admin-password")).build();

        admin.get().uri("/api/admin/jobs?status=FAILED&limit=200").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == " + id.value() + ")].kind").isEqualTo(kind)
                .jsonPath("$[?(@.id == " + id.value() + ")].lastError").value(error -> assertThat(error.toString()).contains("存储暂不可用"));
        admin.post().uri("/api/admin/jobs/{id}/retry", id.value()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("QUEUED");

        await().atMost(WAIT).until(() -> table.find(id.value()).block().status() == JobStatus.SUCCEEDED);
        admin.post().uri("/api/admin/jobs/{id}/retry", id.value()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("任务 " + id.value() + " 当前状态为 SUCCEEDED，只有失败的任务可以重试。");
        admin.post().uri("/api/admin/jobs/{id}/retry", Long.MAX_VALUE).exchange().expectStatus().isNotFound();
    }

    private KindWorker worker(JobsProperties properties, JobHandler handler, String name) {
        KindWorker worker = new KindWorker(table, handler, properties, name + "/" + UUID.randomUUID(), notifications.kinds());
        workers.add(worker);
        return worker;
    }

    private static JobsProperties properties(Duration lease, int maxAttempts, int concurrency) {
        return new JobsProperties(Duration.ofMillis(50), lease, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(200),
                new JobsProperties.KindSettings(concurrency, maxAttempts, Duration.ofMinutes(1)), Map.of());
    }

    private static JobHandler handler(String kind, Function<Job, Mono<Void>> body) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Mono<Void> handle(Job job) {
                return body.apply(job);
            }
        };
    }

    private static String uniqueKind() {
        return "test-" + UUID.randomUUID();
    }

    private long countOf(String kind) {
        return database.sql("SELECT count(*) FROM platform_job WHERE kind = :kind").bind("kind", kind)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long countOf(String kind, JobStatus status) {
        return database.sql("SELECT count(*) FROM platform_job WHERE kind = :kind AND status = :status")
                .bind("kind", kind).bind("status", status.name())
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
