package org.kepu.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A society member in the console, in headless Chromium against the whole application: creates a micro-video,
 * uploads it in parts straight to object storage (S3Proxy on another origin, so CORS must expose the ETag) with a
 * progress bar that advances, pauses and resumes the upload, pauses again and continues it after a page reload, waits for processing and submits; the
 * reviewer of each stage approves it in the console and the work is public. Another work is rejected with a reason, which the member reads in the list.
 */
@KepuIntegrationTest
@TestPropertySource(properties = {"kepu.media.processing.enabled=true", "kepu.media.upload-part-size=5MB"})
class ConsoleMemberBrowserIntegrationTest extends ConsoleBrowserTest {

    /** Upload bandwidth the browser is held to, so that the upload can be watched and paused (bytes per second). */
    private static final int UPLOAD_BYTES_PER_SECOND = 2_000_000;
    private static final long PART_SIZE = 5L * 1024 * 1024;

    private Path video;

    @BeforeAll
    void makeTheVideo() throws IOException {
        video = paddedVideo(20 * 1024 * 1024);
    }

    @AfterAll
    void deleteTheVideo() throws IOException {
        if (video != null) {
            Files.deleteIfExists(video);
        }
    }

    @Test
    void memberUploadsWithPauseAndResumeSubmitsAndReadsTheReviewersReason() throws Exception {
        signInAfresh("demo-society-member");

        // A new micro-video.
        chromium.driver.get(base + "/console/my/works/new");
        WebDriverWait wait = waiting(Duration.ofSeconds(20));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=kind-VIDEO]"))).click();
        String title = "浏览器上传的地震演练 " + System.nanoTime();
        chromium.driver.findElement(By.cssSelector("[data-test=title]")).sendKeys(title);
        chromium.driver.findElement(By.cssSelector("[data-test=summary]")).sendKeys("地震来了怎么办：演练全过程。");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=topic-health]"))).click();
        chromium.driver.findElement(By.cssSelector("[data-test=create]")).click();
        wait.until(ExpectedConditions.urlMatches("/console/my/works/[0-9a-f-]{36}$"));
        String work = chromium.driver.getCurrentUrl().replaceAll(".*/", "");

        // Upload over a slow line: the bar advances, pause stops it, resume finishes it.
        chromium.driver.executeCdpCommand("Network.enable", Map.of());
        chromium.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", UPLOAD_BYTES_PER_SECOND));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=upload-file]"))).sendKeys(video.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=upload-start]"))).click();

        WebDriverWait upload = waiting(Duration.ofSeconds(60));
        double first = upload.until(driver -> {
            double sent = progress();
            return sent > 0 && sent < video.toFile().length() ? sent : null;
        });
        double later = upload.until(driver -> {
            double sent = progress();
            return sent > first && sent < video.toFile().length() ? sent : null;
        });
        assertThat(later).isGreaterThan(first);
        assertThat(text("upload-percent")).matches("\\d+%.*");
        screenshot("member-upload-progress");

        chromium.driver.findElement(By.cssSelector("[data-test=upload-pause]")).click();
        upload.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=upload-state]"), "data-state", "paused"));
        double paused = progress();
        assertThat(paused).isLessThan(video.toFile().length());
        Thread.sleep(1500);
        assertThat(progress()).as("nothing is sent while paused").isEqualTo(paused);

        chromium.driver.findElement(By.cssSelector("[data-test=upload-resume]")).click();
        // Once a whole part is stored, pause again and reload the page: picking the same file offers to continue it.
        upload.until(driver -> Integer.parseInt(driver.findElement(By.cssSelector("[data-test=upload-progress]")).getDomAttribute("data-parts")) >= 1);
        chromium.driver.findElement(By.cssSelector("[data-test=upload-pause]")).click();
        upload.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=upload-state]"), "data-state", "paused"));
        String saved = (String) chromium.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('kepu.console.upload.'))"
                + ".map(([, v]) => JSON.parse(v).asset).join(',')");
        assertThat(saved).matches("[0-9a-f-]{36}");
        chromium.driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=upload-file]"))).sendKeys(video.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=upload-continue]"))).click();
        upload.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=upload-state]"), "data-state", "uploading"));
        assertThat(progress()).as("the part stored before the reload is not sent again").isGreaterThanOrEqualTo(PART_SIZE);
        upload.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=upload-state]"), "data-state", "done"));
        assertThat(progress()).isEqualTo(video.toFile().length());
        chromium.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        assertThat(chromium.evaluate("Object.keys(localStorage).filter(k => k.startsWith('kepu.console.upload.')).length"))
                .as("a finished upload leaves no resume state").isEqualTo(0L);

        // The draft names the asset; processing finishes and a preview appears.
        waiting(Duration.ofSeconds(180)).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=asset-status]"),
                "data-status", "PROCESSED"));
        waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=preview-video]")));
        assertThat((List<Object>) ((Map<?, ?>) reviewed.work(work).get("draft")).get("mediaAssets"))
                .as("the upload continued after the reload is the one started before it").containsExactly(saved);

        chromium.driver.findElement(By.cssSelector("[data-test=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=notice]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=case-status]"), "审核中"));
        screenshot("member-work");

        // The reviewer of each stage signs the uploaded work in the console (the address their inbox notice links
        // to); then it is public.
        String reviewCase = latestCase(work);
        for (String reviewer : List.of("demo-reviewer-political", "demo-reviewer-scientific", "demo-approver")) {
            signInAfresh(reviewer);
            chromium.driver.get(base + "/console/review/cases/" + reviewCase);
            waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=decision]")));
            waiting(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=verdict-APPROVE]"))).click();
            chromium.driver.findElement(By.cssSelector("[data-test=decision-submit]")).click();
            waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=review-decided]")));
        }
        anonymous.get().uri("/works/{id}", work).exchange().expectStatus().isOk();
        signInAfresh("demo-society-member");

        // Another work is rejected with a reason; the member reads it in the list and on the work page.
        String rejected = reviewed.article("被退回的文章 " + System.nanoTime());
        reviewed.as("demo-society-member").post().uri("/api/works/{id}/submissions", rejected).exchange().expectStatus().isCreated();
        String reason = "科学依据不足，请补充权威来源。";
        decide("demo-reviewer-political", latestCase(rejected), Map.of("verdict", "REJECT", "reason", reason));

        chromium.driver.get(base + "/console/my/works");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-work='" + rejected + "']")));
        assertThat(row.findElement(By.cssSelector("[data-test=status]")).getText()).isEqualTo("未通过");
        assertThat(row.findElement(By.cssSelector("[data-test=reason]")).getText()).contains(reason);
        WebElement published = chromium.driver.findElement(By.cssSelector("tr[data-work='" + work + "']"));
        assertThat(published.findElement(By.cssSelector("[data-test=status]")).getText()).isEqualTo("已发布");
        screenshot("member-works");

        chromium.driver.get(base + "/console/my/works/" + rejected);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=decision-reason]"), reason));

        // The console's index.html names no icon, so Chromium asks for /favicon.ico, which the application does not serve.
        assertThat(chromium.consoleErrors()).filteredOn(message -> !message.contains("/favicon.ico ")).isEmpty();
    }

    /** Signs in without checking the console log, which this test reads once at its end. */
    private void signInAfresh(String username) {
        sendSignIn("/console/sign-in", username, ReviewedWorks.DEMO_PASSWORD);
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
    }

    private String latestCase(String work) {
        List<Map<String, Object>> cases = reviewed.as("demo-society-member").get().uri("/api/works/{id}/cases", work).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        return cases.stream().filter(c -> "IN_REVIEW".equals(c.get("status"))).map(c -> (String) c.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no case in review: " + cases));
    }

    private void decide(String reviewer, String reviewCase, Map<String, Object> decision) {
        reviewed.as(reviewer).post().uri("/api/review/cases/{id}/decisions", reviewCase).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(decision).exchange().expectStatus().isOk();
    }

    private double progress() {
        String value = chromium.driver.findElement(By.cssSelector("[data-test=upload-progress]")).getDomProperty("value");
        return value == null ? 0 : Double.parseDouble(value);
    }

    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(chromium.driver, timeout, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * A sample micro-video made {@code size} bytes long with a trailing ISO BMFF {@code free} box: still a valid MP4
     * that ffmpeg plays, and long enough for several 5 MB parts.
     */
    private static Path paddedVideo(int size) throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("content-samples", "video", "earthquake-drill.mp4"));
        int padding = size - sample.length;
        Path file = Files.createTempFile("kepu-member-upload-", ".mp4");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(sample);
            out.write(ByteBuffer.allocate(8).putInt(padding).put("free".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).array());
            out.write(new byte[padding - 8]);
        }
        return file;
    }
}
