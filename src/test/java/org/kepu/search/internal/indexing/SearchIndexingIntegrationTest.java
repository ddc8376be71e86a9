package org.kepu.search.internal.indexing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.content.WorkKind;
import org.kepu.search.internal.SearchProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Only public revisions reach the index, through durable jobs; the drift check and a full reindex repair it. */
@KepuIntegrationTest
class SearchIndexingIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    SearchProperties search;
    @Autowired
    IndexWriter writer;
    @Autowired
    PublishedWorks publishedWorks;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient database;
    @Autowired
    io.lettuce.core.api.reactive.RedisReactiveCommands<String, String> redis;

    @Test
    void publishingIndexesThePublicRevisionAndUnpublishingRemovesIt() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String work = reviewed.article("夏季防溺水安全须知");
        assertThat(indexed(work)).as("a draft is never indexed").isNull();

        reviewed.publish(work);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(work) != null);
        assertThat(indexed(work)).containsEntry("title", "夏季防溺水安全须知").containsEntry("revision", 1);

        reviewed.saveDraft(work, ReviewedWorks.draft("夏季防溺水安全须知（修订版）", java.util.List.of()));
        assertThat(indexed(work)).as("an edit under review leaves the public revision indexed").containsEntry("revision", 1);
        reviewed.publish(work);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(2).equals(indexed(work).get("revision")));
        assertThat(indexed(work)).containsEntry("title", "夏季防溺水安全须知（修订版）");

        // A late job carrying the first publication loses against the newer document.
        var current = publishedWorks.find(new WorkId(java.util.UUID.fromString(work))).block();
        var older = new org.kepu.content.PublishedWork(current.id(), 1, current.version() - 1, current.kind(), current.organisation(),
                current.organisationName(), "过时的标题", current.summary(), current.bodyHtml(), current.topics(), current.columns(),
                current.tags(), current.credits(), current.publishedAt(), current.cover(), current.media());
        writer.index(search.alias(), older).block();
        assertThat(indexed(work)).containsEntry("title", "夏季防溺水安全须知（修订版）");

        reviewed.as("demo-editor").post().uri("/api/works/{id}/unpublish", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "内容需要复核")).exchange().expectStatus().is2xxSuccessful();
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(work) == null);
    }

    @Test
    void repeatedSearchesComeFromTheCacheUntilAnyInstanceChangesTheIndex() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String term = "可燃冰甲烷水合物";
        String first = reviewed.article(term + "的形成");
        reviewed.publish(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> total(term) == 1);

        // Written behind the application's back: the cached answer stands until a change is announced.
        String probe = "cache-probe-" + UUID.randomUUID();
        elasticsearch.index(i -> i.index(search.alias()).id(probe).document(Map.of("id", probe, "title", term + "探针", "kind", "ARTICLE"))
                .refresh(Refresh.True)).get();
        try {
            assertThat(total(term)).as("answered from the cache").isEqualTo(1);
            // Another instance announces a change (as SharedGenerations does): this one forgets its results.
            Long next = redis.incr("kepu:generation:" + org.kepu.search.internal.SearchChanges.GENERATION).block();
            redis.publish("kepu:generation-advanced", org.kepu.search.internal.SearchChanges.GENERATION + "=" + next).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> total(term) == 2);
        } finally {
            elasticsearch.delete(d -> d.index(search.alias()).id(probe).refresh(Refresh.True)).get();
        }

        // A publication through the application is found as soon as its index job has run.
        String second = reviewed.article(term + "的开采");
        reviewed.publish(second);
        // Within the cache's 60 s bound only the index job's announcement can bring the new answer.
        await().atMost(Duration.ofSeconds(20)).until(() -> hits(term).equals(Set.of(first, second)));
    }

    private long total(String query) {
        return hits(query).size();
    }

    @SuppressWarnings("unchecked")
    private Set<String> hits(String query) {
        List<Map<String, Object>> hits = (List<Map<String, Object>>) anonymous.get().uri("/api/search?q={q}", query).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("hits");
        return hits.stream().map(hit -> String.valueOf(hit.get("id"))).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aSingleWriteOrDeleteIsSearchableWhenItCompletes() throws Exception {
        // An index that never refreshes on its own: only the write's own refresh can make the work searchable.
        String index = "refresh_it";
        elasticsearch.indices().create(c -> c.index(index).settings(s -> s.refreshInterval(t -> t.time("-1")))).get();
        try {
            PublishedWork work = new PublishedWork(new WorkId(UUID.randomUUID()), 1, 1, WorkKind.ARTICLE, "kexie", "市科学技术协会",
                    "单篇作品写入后即可检索", null, "<p>正文</p>", List.of(), List.of(), List.of(), List.of(), OffsetDateTime.now(), null,
                    List.of());
            String id = work.id().value().toString();
            writer.index(index, work).block();
            assertThat(searchable(index, id)).as("found by a search as soon as the write completed").isEqualTo(1);
            writer.delete(index, id, 2).block();
            assertThat(searchable(index, id)).as("gone from search as soon as the delete completed").isZero();
        } finally {
            elasticsearch.indices().delete(d -> d.index(index)).get();
        }
    }

    private long searchable(String index, String id) throws Exception {
        return elasticsearch.count(c -> c.index(index).query(q -> q.ids(i -> i.values(id)))).get().count();
    }

    @Test
    void aVideoIsIndexedWithThePlayingTimeProcessingMeasured() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        byte[] mp4;
        try (var sample = getClass().getResourceAsStream("/content-samples/video/earthquake-drill.mp4")) {
            mp4 = sample.readAllBytes();
        }
        String video = (String) reviewed.as("demo-society-member").post().uri("/api/media/assets?purpose=VIDEO")
                .header("X-File-Name", "earthquake-drill.mp4").contentType(MediaType.parseMediaType("video/mp4")).bodyValue(mp4)
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        // What ffprobe records (processing is off in this context).
        database.sql("UPDATE media_asset SET facts = CAST(:facts AS jsonb) WHERE id = :id")
                .bind("facts", "{\"duration\": 83.6}").bind("id", java.util.UUID.fromString(video)).then().block();
        String work = reviewed.create("VIDEO", ReviewedWorks.draft("地震应急演练", java.util.List.of(video)));
        reviewed.publish(work);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(work) != null);
        assertThat(indexed(work)).containsEntry("durationSeconds", 84).containsEntry("kind", "VIDEO");
    }

    @Test
    void theDriftCheckFindsAndRepairsDifferences() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String lost = reviewed.article("家庭应急包里应该放什么");
        reviewed.publish(lost);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(lost) != null);
        // Lost: gone from the index at the version it had (a plain delete would leave a newer tombstone).
        long version = publishedWorks.find(new WorkId(java.util.UUID.fromString(lost))).block().version();
        elasticsearch.delete(d -> d.index(search.alias()).id(lost).version(version).versionType(VersionType.ExternalGte)
                .refresh(Refresh.True)).get();
        elasticsearch.index(i -> i.index(search.alias()).id("not-a-public-work").version(1L).versionType(VersionType.External)
                .document(Map.of("id", "not-a-public-work", "title", "从未发布的草稿")).refresh(Refresh.True)).get();

        WebTestClient admin = reviewed.as("admin");
        admin.post().uri("/api/admin/search/drift").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.missing").isEqualTo(1).jsonPath("$.extra").isEqualTo(1).jsonPath("$.repaired").isEqualTo(0);
        admin.post().uri("/api/admin/search/drift?repair=true").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.repaired").isEqualTo(2);
        refresh();
        admin.post().uri("/api/admin/search/drift").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.missing").isEqualTo(0).jsonPath("$.stale").isEqualTo(0).jsonPath("$.extra").isEqualTo(0);
        assertThat(indexed(lost)).containsEntry("title", "家庭应急包里应该放什么");
        reviewed.as("demo-editor").post().uri("/api/admin/search/drift").exchange().expectStatus().isForbidden();
    }

    @Test
    void aFullReindexMovesTheAliasWhileSearchesKeepWorking() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String work = reviewed.article("碳达峰碳中和的家庭行动");
        reviewed.publish(work);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(work) != null);
        Set<String> before = behindAlias();
        refresh();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger searches = new AtomicInteger();
        java.util.List<String> problems = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread searcher = new Thread(() -> {
            while (running.get()) {
                try {
                    long hits = elasticsearch.count(c -> c.index(search.alias())).get().count();
                    if (hits == 0) {
                        failures.incrementAndGet();
                        problems.add("no hits");
                    }
                    searches.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                    problems.add(String.valueOf(e));
                }
            }
        });
        searcher.start();
        try {
            Number job = (Number) reviewed.as("admin").post().uri("/api/admin/search/reindex").exchange()
                    .expectStatus().isAccepted().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("job");
            await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(reviewed.as("admin").get()
                    .uri("/api/admin/jobs/{id}", job).exchange().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("status")));
        } finally {
            running.set(false);
            searcher.join();
        }
        Set<String> after = behindAlias();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(elasticsearch.indices().exists(e -> e.index(before.iterator().next())).get().value()).isFalse();
        assertThat(indexed(work)).containsEntry("title", "碳达峰碳中和的家庭行动");
        assertThat(searches.get()).isPositive();
        assertThat(failures.get()).as("searches failed or found nothing during the reindex: %s", problems.stream().distinct().toList()).isZero();
        assertThat(reviewed.audit(work)).isNotNull();
    }

    private Set<String> behindAlias() throws Exception {
        return elasticsearch.indices().getAlias(a -> a.name(search.alias())).get().result().keySet();
    }

    private void refresh() throws Exception {
        elasticsearch.indices().refresh(r -> r.index(search.alias())).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> indexed(String work) throws Exception {
        var found = elasticsearch.get(g -> g.index(search.alias()).id(work).realtime(true), Map.class).get();
        return found.found() ? (Map<String, Object>) found.source() : null;
    }
}
