package org.kepu.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reviewer screens with a video: the revision's video plays from the signed-in preview files and a comment
 * anchors to the player's current time. Media processing runs in this context (as in the site's browser test).
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.media.processing.enabled=true")
class ConsoleReviewMediaBrowserIntegrationTest extends ReviewQueueBrowserTest {

    @Test
    void aVideoPlaysAndACommentAnchorsToItsCurrentTimeWhenChangesAreRequested() throws IOException {
        String asset = (String) reviewed.as("demo-society-member").post().uri("/api/media/assets?purpose=VIDEO")
                .header("X-File-Name", URLEncoder.encode("地震来了怎么办.mp4", StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(Files.readAllBytes(Path.of("content-samples", "video", "earthquake-drill.mp4")))
                .exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        await("video processing").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> List.of("PLAYABLE", "PROCESSED")
                .contains(reviewed.as("demo-society-member").get().uri("/api/media/assets/{id}", asset).exchange().expectStatus().isOk()
                        .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("status")));
        Map<String, Object> draft = ReviewedWorks.draft("地震演练 " + suffix(), List.of(asset));
        draft.put("topics", List.of("emergency"));
        String work = reviewed.create("VIDEO", draft);
        submit(work);

        signInToQueue("demo-reviewer-political");
        openFromQueue(work, null);
        WebElement video = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("video[data-test=review-video]")));
        Object started = chromium.evaluate("(media => { media.muted = true; return media.play().then(() => 'playing'); })(arguments[0])", video);
        assertThat(started).isEqualTo("playing");
        await("playback").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                ((Number) chromium.driver.executeScript("return arguments[0].currentTime", video)).doubleValue() > 1.5);
        chromium.driver.executeScript("arguments[0].pause()", video);
        double at = ((Number) chromium.driver.executeScript("return arguments[0].currentTime", video)).doubleValue();
        click("anchor-time");
        assertThat(text("anchor")).contains("播放时间");
        type("comment-text", "此处画面缺少安全提示。");
        click("comment-add");
        click("verdict-REQUEST_CHANGES");
        type("decision-reason", "请补充撤离时的安全提示。");
        screenshot("review-video");
        click("decision-submit");
        awaitDecidedNotice();

        Map<String, Object> changed = onlyCase(work);
        assertThat(changed.get("status")).isEqualTo("CHANGES_REQUESTED");
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = ((List<Map<String, Object>>) changed.get("decisions")).get(0);
        assertThat(decision.get("verdict")).isEqualTo("REQUEST_CHANGES");
        assertThat(decision.get("reason")).isEqualTo("请补充撤离时的安全提示。");
        @SuppressWarnings("unchecked")
        Map<String, Object> comment = ((List<Map<String, Object>>) decision.get("comments")).get(0);
        assertThat(comment.get("quote")).isNull();
        assertThat(((Number) comment.get("seconds")).doubleValue()).isGreaterThanOrEqualTo(1.5).isCloseTo(at, org.assertj.core.data.Offset.offset(0.1));
        assertThat(chromium.consoleErrors()).isEmpty();
    }
}
