package org.kepu.search.internal.indexing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.search.internal.SearchProperties;
import org.kepu.site.internal.ViewsFlushing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Views counted by the public site reach the index's popularity after the next flush, without a republish, so that
 * {@code sort=views} orders by them; a refresh never brings back an older revision or a work that is not public.
 */
@KepuIntegrationTest
class SearchPopularityIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    SearchProperties search;
    @Autowired
    PublishedWorks publishedWorks;
    @Autowired
    RefreshPopularityJob refresh;
    @Autowired
    ApplicationContext context;

    @Test
    void sortByViewsFollowsTheViewsCountedOnTheSite() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String marker = marker();
        String little = reviewed.article("少有人看 " + marker);
        String most = reviewed.article("最多人看 " + marker);
        String some = reviewed.article("有人看过 " + marker);
        for (String work : List.of(little, most, some)) {
            reviewed.publish(work);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> hits(marker).size() == 3);
        assertThat(hits(marker)).extracting(hit -> hit.get("views")).containsOnly(0);

        view(little, 1);
        view(most, 5);
        view(some, 3);
        ViewsFlushing.flushNow(context);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(hits(marker)).equals(List.of(most, some, little)));
        assertThat(hits(marker)).extracting(hit -> hit.get("views")).containsExactly(5, 3, 1);

        // More views later move the order again, still without any republish.
        view(little, 6);
        ViewsFlushing.flushNow(context);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(hits(marker)).equals(List.of(little, most, some)));
        assertThat(hits(marker)).extracting(hit -> hit.get("views")).containsExactly(7, 5, 3);

        // Publishing an edit writes the new revision with the views counted so far.
        reviewed.saveDraft(little, ReviewedWorks.draft("少有人看（修订） " + marker, List.of()));
        reviewed.publish(little);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(2).equals(indexed(little).get("revision")));
        assertThat(indexed(little)).containsEntry("popularity", 7);
    }

    @Test
    void aRefreshNeverBringsBackAnOlderRevisionOrAWorkThatIsNotPublic() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String marker = marker();
        String edited = reviewed.article("改过一版 " + marker);
        reviewed.publish(edited);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(edited) != null);
        PublishedWork first = publishedWorks.find(work(edited)).block();
        reviewed.saveDraft(edited, ReviewedWorks.draft("改过一版（第二版） " + marker, List.of()));
        reviewed.publish(edited);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(2).equals(indexed(edited).get("revision")));
        view(edited, 4);
        ViewsFlushing.flushNow(context);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(4).equals(indexed(edited).get("popularity")));
        assertThat(indexed(edited)).containsEntry("revision", 2).containsEntry("title", "改过一版（第二版） " + marker);

        // A refresh that read the first publication (e.g. before the edit was published) writes nothing.
        assertThat(refresh.rewrite(search.alias(), List.of(first)).block()).isZero();
        assertThat(indexed(edited)).containsEntry("revision", 2).containsEntry("title", "改过一版（第二版） " + marker)
                .containsEntry("popularity", 4);

        String withdrawn = reviewed.article("已撤下 " + marker);
        reviewed.publish(withdrawn);
        view(withdrawn, 2);
        ViewsFlushing.flushNow(context);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(withdrawn) != null
                && Integer.valueOf(2).equals(indexed(withdrawn).get("popularity")));
        PublishedWork whilePublic = publishedWorks.find(work(withdrawn)).block();
        reviewed.as("demo-editor").post().uri("/api/works/{id}/unpublish", withdrawn).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "数据需要更新")).exchange().expectStatus().is2xxSuccessful();
        await().atMost(Duration.ofSeconds(20)).until(() -> indexed(withdrawn) == null);

        // A refresh queued for it now, or one that read it while it was still public, leaves it out of the index.
        assertThat(refresh.refresh(search.alias(), List.of(work(withdrawn), work(edited))).block()).isEqualTo(1);
        assertThat(refresh.rewrite(search.alias(), List.of(whilePublic)).block()).isZero();
        assertThat(indexed(withdrawn)).isNull();
        assertThat(indexed(edited)).containsEntry("revision", 2).containsEntry("popularity", 4);
        assertThat(ids(hits(marker))).containsExactly(edited);
    }

    @Test
    void aRefreshOfManyWorksIsQueuedInBoundedBatches() {
        List<WorkId> works = java.util.stream.IntStream.range(0, 1201).mapToObj(i -> new WorkId(UUID.randomUUID())).toList();
        var requests = RefreshPopularityJob.requests(works, 500, 30);
        assertThat(requests).hasSize(3).allSatisfy(request -> assertThat(request.kind()).isEqualTo(RefreshPopularityJob.KIND));
        assertThat(requests).extracting(request -> request.payload().split(",").length).containsExactly(500, 500, 201);
        assertThat(String.join("", requests.stream().map(request -> request.payload()).toList()))
                .contains(works.get(0).value().toString(), works.get(1200).value().toString());
    }

    private void view(String work, int times) {
        for (int i = 0; i < times; i++) {
            anonymous.post().uri("/api/views/{id}", work).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("visitor", "visitor-" + i + "-" + work.substring(0, 8))).exchange().expectStatus().isNoContent();
        }
    }

    private List<Map<String, Object>> hits(String query) {
        Map<String, Object> result = anonymous.get().uri(uri -> uri.path("/api/search").queryParam("q", query)
                        .queryParam("sort", "views").build())
                .exchange().expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) result.get("hits");
        return hits;
    }

    private static List<Object> ids(List<Map<String, Object>> hits) {
        return hits.stream().map(hit -> hit.get("id")).toList();
    }

    /** A made-up latin word no other work contains. */
    private static String marker() {
        StringBuilder word = new StringBuilder("kp");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static WorkId work(String id) {
        return new WorkId(UUID.fromString(id));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> indexed(String work) throws Exception {
        var found = elasticsearch.get(g -> g.index(search.alias()).id(work).realtime(true), Map.class).get();
        return found.found() ? (Map<String, Object>) found.source() : null;
    }
}
