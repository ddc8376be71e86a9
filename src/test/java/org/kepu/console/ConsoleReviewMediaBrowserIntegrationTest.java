package org.kepu.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reviewer screens with a video: the revision's video plays from the signed-in preview files and a comment
 * anchors to the player's current time. Media processing runs in this context (as in the site's browser test).
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.media.processing.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleReviewMediaBrowserIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @Autowired
    WebTestClient anonymous;
    @LocalServerPort
    int port;

    private Chromium chromium;
    private ReviewedWorks reviewed;
    private String base;

    @BeforeAll
    void startBrowser() throws IOException {
        chromium = Chromium.start();
        reviewed = new ReviewedWorks(anonymous);
        base = "http://127.0.0.1:" + port;
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void clearConsoleLog() {
        chromium.consoleErrors();
    }

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

        signIn("demo-reviewer-political");
        openFromQueue(work, null);
        WebElement video = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("video[data-test=review-video]")));
        Object started = chromium.evaluate("(media => { media.muted = true; return media.play().then(() => 'playing'); })(arguments[0])", video);
        assertThat(started).isEqualTo("playing");
        await("playback").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                ((Number) chromium.driver.executeScript("return arguments[0].currentTime", video)).doubleValue() > 1.5);
        chromium.driver.executeScript("arguments[0].pause()", video);
        double at = ((Number) chromium.driver.executeScript("return arguments[0].currentTime", video)).doubleValue();
        click("[data-test=anchor-time]");
        assertThat(text("[data-test=anchor]")).contains("播放时间");
        type("[data-test=comment-text]", "此处画面缺少安全提示。");
        click("[data-test=comment-add]");
        click("[data-test=verdict-REQUEST_CHANGES]");
        type("[data-test=decision-reason]", "请补充撤离时的安全提示。");
        screenshot("review-video");
        click("[data-test=decision-submit]");
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

    private String submit(String work) {
        return (String) reviewed.as("demo-society-member").post().uri("/api/works/{id}/submissions", work).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    private List<Map<String, Object>> cases(String work) {
        return reviewed.as("demo-editor").get().uri("/api/works/{id}/cases", work).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
    }

    private Map<String, Object> onlyCase(String work) {
        List<Map<String, Object>> all = cases(work);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void signIn(String username) {
        chromium.driver.get(base + "/console/sign-in");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(base + "/console/sign-in?next=/review");
        type("input[name=username]", username);
        type("input[name=password]", ReviewedWorks.DEMO_PASSWORD);
        click("button[type=submit]");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=review-queue], [data-test=queue-empty]")));
    }

    private void openFromQueue(String work, String screenshot) throws IOException {
        WebElement line = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='queue-line-" + work + "']")));
        if (screenshot != null) {
            screenshot(screenshot);
        }
        line.findElement(By.cssSelector("[data-test=queue-open]")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=decision]")));
    }

    private void awaitDecidedNotice() {
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=review-decided]")));
        assertThat(chromium.driver.getCurrentUrl()).contains("/console/review");
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(chromium.driver, Duration.ofSeconds(15));
    }

    private void click(String css) {
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private void type(String css, String text) {
        WebElement field = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String css) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), chromium.fullPageScreenshot());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
