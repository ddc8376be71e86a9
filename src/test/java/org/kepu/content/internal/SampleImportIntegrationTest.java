package org.kepu.content.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first start of an embedded installation imports the sample works through the upload path and
 * the processing jobs, owned by the societies the manifest names.
 */
@KepuIntegrationTest
@TestPropertySource(properties = {"kepu.samples.enabled=true", "kepu.media.processing.enabled=true"})
class SampleImportIntegrationTest {

    private static final Duration IMPORT = Duration.ofSeconds(240);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    DatabaseClient database;
    @Autowired
    SampleImportStarter starter;

    @Test
    void everySampleBecomesAProcessedWorkOfItsSociety() {
        WebTestClient admin = anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin-password")).build();

        await().atMost(IMPORT).pollInterval(Duration.ofSeconds(1)).until(() -> count("SELECT count(*) AS n FROM content_sample") == 9);
        await().atMost(IMPORT).pollInterval(Duration.ofSeconds(1)).until(() -> count("""
                SELECT count(*) AS n FROM content_sample s
                  JOIN content_work w ON w.id = s.work_id
                  JOIN content_revision r ON r.work_id = w.id AND r.number = 1
                  JOIN media_asset a ON a.id = r.media_assets[1]
                 WHERE a.status = 'PROCESSED'""") == 9);

        List<Map<String, Object>> works = database.sql("""
                        SELECT s.file, w.kind, o.slug AS organisation, r.title, r.created_by, a.purpose, a.id::text AS asset
                          FROM content_sample s
                          JOIN content_work w ON w.id = s.work_id
                          JOIN org_organisation o ON o.id = w.organisation_id
                          JOIN content_revision r ON r.work_id = w.id AND r.number = 1
                          JOIN media_asset a ON a.id = r.media_assets[1]""")
                .fetch().all().collectList().block();
        assertThat(works).extracting(work -> work.get("kind")).contains("VIDEO", "ANIMATION", "AUDIO", "ARTICLE");
        assertThat(works).filteredOn(work -> work.get("file").equals("video/earthquake-drill.mp4")).singleElement()
                .satisfies(work -> {
                    assertThat(work.get("organisation")).isEqualTo("emergency");
                    assertThat(work.get("title")).isEqualTo("地震来了怎么办");
                    assertThat(work.get("purpose")).isEqualTo("VIDEO");
                    assertThat(work.get("created_by")).isEqualTo("system");
                });
        assertThat(works).filteredOn(work -> work.get("file").equals("video/summer-food-safety.mp4"))
                .extracting(work -> work.get("organisation")).containsExactly("nutrition");
        assertThat(topicsCovered()).hasSizeGreaterThanOrEqualTo(6);

        for (Map<String, Object> work : works) {
            List<String> renditions = admin.get().uri("/api/media/assets/{id}/renditions", work.get("asset")).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).returnResult().getResponseBody().stream().map(rendition -> (String) rendition.get("name")).toList();
            switch ((String) work.get("kind")) {
                case "VIDEO", "ANIMATION" -> assertThat(renditions).as(work.get("file").toString()).contains("hls", "poster");
                case "AUDIO" -> assertThat(renditions).as(work.get("file").toString()).contains("audio", "waveform");
                default -> admin.get().uri("/api/media/assets/{id}/text", work.get("asset")).exchange().expectStatus().isOk();
            }
        }

        starter.queueOnFirstStart().block();
        assertThat(count("SELECT count(*) AS n FROM platform_job WHERE kind = '" + ImportSamplesJob.KIND + "'")).isEqualTo(1);
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private List<String> topicsCovered() {
        return database.sql("""
                        SELECT DISTINCT unnest(r.topics) AS topic FROM content_sample s
                          JOIN content_revision r ON r.work_id = s.work_id AND r.number = 1""")
                .map(row -> row.get("topic", String.class)).all().collectList().block();
    }
}
