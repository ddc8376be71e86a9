package org.kepu.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@KepuIntegrationTest
class SamplePublicationIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    SamplePublication samples;
    @Autowired
    DatabaseClient database;

    @Test
    void aSampleWorkIsPublishedOnceAllItsMediaAreReadyAndNeverAgainAfterAnEditorUnpublishedIt() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        WebTestClient member = reviewed.as("demo-society-member");
        String asset = (String) member.post().uri("/api/media/assets?purpose=DOCUMENT")
                .header("X-File-Name", "kitchen.docx").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(Files.readAllBytes(Path.of("content-samples/articles/kitchen-experiments.docx")))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        String work = reviewed.create("ARTICLE", ReviewedWorks.draft("示例作品：厨房里的科学", List.of(asset)));
        String other = reviewed.article("不是示例的作品");
        database.sql("INSERT INTO content_sample (file, work_id) VALUES (:file, :work)")
                .bind("file", "test/" + UUID.randomUUID()).bind("work", UUID.fromString(work)).then().block();

        samples.publishReady(UUID.fromString(asset)).block(Duration.ofSeconds(10));
        assertThat(reviewed.publishedRevision(work)).as("media still being processed").isNull();

        database.sql("UPDATE media_asset SET status = 'PROCESSED' WHERE id = :id").bind("id", UUID.fromString(asset)).then().block();
        samples.publishReady(UUID.fromString(asset)).block(Duration.ofSeconds(10));
        assertThat(reviewed.publishedRevision(work)).isNotNull();
        assertThat(reviewed.publishedRevision(other)).isNull();
        assertThat(reviewed.audit(work)).anySatisfy(entry -> assertThat(entry)
                .containsEntry("action", "work.published").containsEntry("actor", SamplePublication.ACTOR));

        reviewed.as("demo-editor").post().uri("/api/works/{id}/unpublish", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "示例下线")).exchange().expectStatus().isOk();
        samples.publishReady(UUID.fromString(asset)).block(Duration.ofSeconds(10));
        assertThat(reviewed.publishedRevision(work)).isNull();
    }
}
