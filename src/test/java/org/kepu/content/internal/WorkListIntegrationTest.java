package org.kepu.content.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.site.internal.ViewsFlushing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's works list: scope by account, status from the review chain, media processing, view totals, paging. */
@KepuIntegrationTest
class WorkListIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    ApplicationContext context;

    @Test
    void aPageComposesWorksWithTheirReviewStateMediaAndViewsScopedToTheAccountsSociety() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String marker = "列表" + UUID.randomUUID().toString().substring(0, 8);
        WebTestClient member = reviewed.as("demo-society-member");

        String cover = (String) member.post().uri("/api/media/assets?purpose=IMAGE").header("X-File-Name", "cover.png")
                .contentType(MediaType.IMAGE_PNG).bodyValue(png()).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        String uploading = (String) member.post().uri("/api/media/uploads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "DOCUMENT", "fileName", "讲义.pdf", "size", 1000, "contentType", "application/pdf"))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("asset");

        Map<String, Object> draftWithMedia = ReviewedWorks.draft("草稿" + marker, List.of(uploading));
        draftWithMedia.put("coverAsset", cover);
        String draft = reviewed.create("ARTICLE", draftWithMedia);
        String inReview = reviewed.article("审核中" + marker);
        submit(reviewed, inReview);
        String published = reviewed.article("已发布" + marker);
        reviewed.publish(published);
        String sentBack = reviewed.article("退回修改" + marker);
        decide(reviewed, submit(reviewed, sentBack), "REQUEST_CHANGES", "请补充数据来源");
        String rejected = reviewed.article("不予通过" + marker);
        decide(reviewed, submit(reviewed, rejected), "REJECT", "与本会科普方向不符");
        String scheduled = reviewed.article("定时发布" + marker);
        reviewed.approve(scheduled, OffsetDateTime.now().plusDays(2));
        String otherSociety = (String) reviewed.as("demo-editor").post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "AUDIO", "organisation", "medical", "draft", ReviewedWorks.draft("医学会" + marker, List.of())))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");

        String visitorTag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 9; i++) {
            anonymous.post().uri("/api/views/{id}", published).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("visitor", "visitor-" + (i % 3) + "-" + visitorTag)).exchange().expectStatus().is2xxSuccessful();
        }
        ViewsFlushing.flushNow(context);

        // The society's member sees its six works, newest updated first, not the other society's.
        Map<String, Object> mine = page(member, "q=" + marker);
        assertThat(mine.get("total")).isEqualTo(6);
        assertThat(ids(mine)).containsExactly(scheduled, rejected, sentBack, published, inReview, draft);
        Map<String, Object> all = page(reviewed.as("demo-editor"), "q=" + marker);
        assertThat(all.get("total")).isEqualTo(7);
        assertThat(ids(all).get(0)).isEqualTo(otherSociety);
        assertThat(ids(page(reviewed.as("demo-reviewer-political"), "q=" + marker))).contains(otherSociety);
        assertThat(ids(page(reviewed.as("demo-editor"), "q=" + marker + "&organisation=medical"))).containsExactly(otherSociety);
        member.get().uri("/api/works?organisation=medical").exchange().expectStatus().isForbidden();

        Map<String, Object> row = item(mine, published);
        assertThat(row).containsEntry("kind", "ARTICLE").containsEntry("title", "已发布" + marker).containsEntry("status", "published")
                .containsEntry("publishedRevision", 1).containsEntry("draftRevision", 1);
        assertThat((Map<String, Object>) row.get("organisation")).containsEntry("slug", "nutrition").containsEntry("name", "市营养学会")
                .containsEntry("id", "00000000-0000-4000-8000-000000000002");
        assertThat((Map<String, Object>) row.get("views")).containsEntry("pv", 9).containsEntry("uv", 3);
        assertThat((Map<String, Object>) row.get("review")).containsEntry("status", "PUBLISHED").containsEntry("revision", 1);
        assertThat((Map<String, Object>) item(mine, draft).get("views")).containsEntry("pv", 0).containsEntry("uv", 0);
        assertThat(item(mine, draft)).containsEntry("status", "draft").containsEntry("review", null).containsEntry("publishedRevision", null);

        Map<String, Object> review = (Map<String, Object>) item(mine, inReview).get("review");
        assertThat(item(mine, inReview)).containsEntry("status", "in_review");
        assertThat(review).containsEntry("status", "IN_REVIEW").containsEntry("stage", "POLITICAL").containsEntry("reason", null);
        assertThat((Map<String, Object>) item(mine, sentBack).get("review")).containsEntry("status", "CHANGES_REQUESTED")
                .containsEntry("stage", "POLITICAL").containsEntry("reason", "请补充数据来源");
        assertThat((Map<String, Object>) item(mine, rejected).get("review")).containsEntry("reason", "与本会科普方向不符");

        List<Map<String, Object>> media = (List<Map<String, Object>>) item(mine, draft).get("media");
        assertThat(media).hasSize(2);
        assertThat(media.get(0)).containsEntry("id", uploading).containsEntry("use", "MEDIA").containsEntry("purpose", "DOCUMENT")
                .containsEntry("status", "UPLOADING").containsEntry("progress", null);
        assertThat(media.get(1)).containsEntry("id", cover).containsEntry("use", "COVER").containsEntry("purpose", "IMAGE")
                .containsEntry("status", "STORED").containsEntry("progress", 0.0);

        // Each status of the vocabulary selects exactly its work.
        Map<String, String> byStatus = Map.of("draft", draft, "in_review", inReview, "published", published,
                "changes_requested", sentBack, "rejected", rejected, "approved_scheduled", scheduled);
        byStatus.forEach((status, work) -> assertThat(ids(page(member, "q=" + marker + "&status=" + status)))
                .as(status).containsExactly(work));
        assertThat(ids(page(member, "q=" + marker + "&status=blocked"))).isEmpty();
        assertThat(item(mine, scheduled)).containsEntry("status", "approved_scheduled").containsEntry("publishedRevision", null);
        assertThat((Map<String, Object>) item(mine, scheduled).get("review")).containsEntry("status", "SCHEDULED")
                .containsEntry("stage", null);
        assertThat(ids(page(reviewed.as("demo-editor"), "q=" + marker + "&kind=audio"))).containsExactly(otherSociety);

        Map<String, Object> second = page(member, "q=" + marker + "&size=2&page=1");
        assertThat(second).containsEntry("total", 6).containsEntry("page", 1).containsEntry("size", 2);
        assertThat(ids(second)).containsExactly(sentBack, published);
        assertThat(ids(page(member, "q=" + marker + "&size=2&page=9"))).isEmpty();

        for (String wrong : List.of("size=101", "size=0", "page=-1", "status=finished", "kind=poem")) {
            member.get().uri("/api/works?" + wrong).exchange().expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // Like wildcards in q are plain text.
        assertThat(ids(page(member, "q=" + marker.substring(0, 2) + "%25" + marker.substring(2)))).isEmpty();
    }

    private static Map<String, Object> page(WebTestClient client, String query) {
        return client.get().uri("/api/works?" + query).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
            ids.add((String) item.get("id"));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> page, String id) {
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(item -> id.equals(item.get("id"))).findFirst().orElseThrow();
    }

    private static String submit(ReviewedWorks reviewed, String work) {
        return (String) reviewed.as("demo-society-member").post().uri("/api/works/{id}/submissions", work).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    private static void decide(ReviewedWorks reviewed, String reviewCase, String verdict, String reason) {
        reviewed.as("demo-reviewer-political").post().uri("/api/review/cases/{id}/decisions", reviewCase)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("verdict", verdict, "reason", reason))
                .exchange().expectStatus().isOk();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
