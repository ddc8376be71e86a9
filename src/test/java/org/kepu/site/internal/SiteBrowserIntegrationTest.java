package org.kepu.site.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kepu.KepuIntegrationTest;
import org.kepu.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * The public site in a real browser (headless Chromium) against the whole application: navigation from the
 * home page to a video, HLS playback (the browser's own and hls.js), audio with its waveform, Chinese search
 * with highlights and facets, 长辈模式 across reloads, and phone-sized screenshots kept under
 * {@code target/site-screenshots/}.
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.media.processing.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "site-screenshots");
    private static final Duration PLAYBACK = Duration.ofSeconds(30);
    /** Hides the browser's own HLS support before any page script runs, as in Firefox or an older Chrome. */
    private static final String WITHOUT_NATIVE_HLS = """
            (() => {
              const canPlayType = HTMLMediaElement.prototype.canPlayType;
              HTMLMediaElement.prototype.canPlayType = function (type) {
                return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type);
              };
            })();""";
    /** A browser with neither HLS nor Media Source Extensions (an old WebView): only a progressive file plays. */
    private static final String WITHOUT_HLS_OR_MSE = WITHOUT_NATIVE_HLS + """
            delete window.MediaSource;
            delete window.ManagedMediaSource;
            delete window.WebKitMediaSource;""";

    @Autowired
    WebTestClient anonymous;
    @LocalServerPort
    int port;

    private Chromium chromium;
    private PublishedMediaWorks works;
    private String base;

    @BeforeAll
    void startBrowser() {
        chromium = Chromium.start();
        works = PublishedMediaWorks.in(anonymous, port);
        base = "http://127.0.0.1:" + port;
        // Published means on the page at once; searchable follows when the indexing job has run.
        await("search index").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> html("/search?q=" + PublishedMediaWorks.SEARCH_TERM).contains(works.video()));
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshVisitor() {
        chromium.driver.get(base + "/topics");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.executeScript("localStorage.clear()");
        chromium.consoleErrors();
    }

    @Test
    void aVisitorGoesFromTheHomePageThroughATopicToAVideoThatPlays() {
        var driver = chromium.driver;
        driver.get(base + "/");
        assertThat(driver.getTitle()).isEqualTo("科普益阳");
        driver.findElement(By.cssSelector(".site-nav a[href='/topics/" + works.videoTopic() + "']")).click();
        waitFor().until(ExpectedConditions.urlToBe(base + "/topics/" + works.videoTopic()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("应急");

        driver.findElement(By.cssSelector("main a[href='" + works.videoPath() + "']")).click();
        waitFor().until(ExpectedConditions.urlToBe(base + works.videoPath()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(works.videoTitle());
        WebElement video = driver.findElement(By.cssSelector("video[data-hls]"));

        assertPlays(video);
        System.out.printf("HLS in Chromium %s: played by %s%n", chromium.driver.getCapabilities().getBrowserVersion(),
                chromium.driver.executeScript("return arguments[0].kepuHls ? 'hls.js' : 'the browser'", video));
        assertCaptionsLoad(video);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void theProgressiveMp4PlaysWhereNeitherHlsNorMediaSourceExists() {
        var driver = chromium.driver;
        driver.get(base + works.videoPath());
        String mp4 = driver.findElement(By.cssSelector("video[data-hls] source[type='video/mp4']")).getAttribute("src");
        assertThat(mp4).endsWith("/video.mp4");

        // The file itself, in a <video> of its own.
        WebElement plain = (WebElement) driver.executeScript("""
                const video = document.createElement('video');
                video.muted = true;
                video.src = arguments[0];
                document.body.append(video);
                return video;""", mp4);
        assertPlays(plain);

        // The page's own player in a browser that has neither: the <source> plays, with its captions.
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WITHOUT_HLS_OR_MSE));
        try {
            driver.get(base + works.videoPath());
            WebElement video = driver.findElement(By.cssSelector("video[data-hls]"));
            await("the player's choice").atMost(Duration.ofSeconds(15))
                    .until(() -> "mp4".equals(driver.executeScript("return arguments[0].dataset.playback", video)));
            assertPlays(video);
            assertThat((String) driver.executeScript("return arguments[0].currentSrc", video)).isEqualTo(mp4);
            assertThat(driver.findElement(By.cssSelector("[data-unsupported]")).isDisplayed()).isFalse();
            assertCaptionsLoad(video);
            assertThat(chromium.consoleErrors()).isEmpty();
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void whereTheBrowserCannotPlayHlsItselfHlsJsPlaysTheLadder() {
        var driver = chromium.driver;
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WITHOUT_NATIVE_HLS));
        try {
            driver.get(base + works.videoPath());
            WebElement video = driver.findElement(By.cssSelector("video[data-hls]"));
            await("hls.js attached").atMost(Duration.ofSeconds(15))
                    .until(() -> Boolean.TRUE.equals(driver.executeScript("return !!arguments[0].kepuHls", video)));

            assertPlays(video);
            assertThat((String) driver.executeScript("return arguments[0].currentSrc", video)).startsWith("blob:");
            assertThat(((Number) driver.executeScript("return arguments[0].kepuHls.levels.length", video)).intValue())
                    .as("renditions of the ladder").isGreaterThanOrEqualTo(2);
            assertCaptionsLoad(video);
            assertThat(chromium.consoleErrors()).isEmpty();
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void anAudioWorkPlaysAndDrawsItsWaveform() {
        var driver = chromium.driver;
        driver.get(base + works.audioPath());
        WebElement audio = driver.findElement(By.cssSelector("[data-waveform] audio"));
        WebElement canvas = driver.findElement(By.cssSelector("[data-waveform] canvas"));

        // Bars of the real peaks differ in height; the placeholder drawn before they arrive is flat.
        await("waveform drawn from its peaks").atMost(Duration.ofSeconds(15)).until(() -> distinctBarHeights(canvas) > 5);
        assertPlays(audio);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void aChineseQueryFindsHighlightedResultsThatFacetsNarrow() {
        var driver = chromium.driver;
        driver.get(base + "/");
        WebElement box = driver.findElement(By.cssSelector("input[name=q]"));
        box.sendKeys(PublishedMediaWorks.SEARCH_TERM);
        box.sendKeys(Keys.ENTER);
        waitFor().until(ExpectedConditions.urlContains("/search?q="));

        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(PublishedMediaWorks.SEARCH_TERM);
        List<String> highlighted = driver.findElements(By.cssSelector(".results em")).stream().map(WebElement::getText).toList();
        assertThat(highlighted).isNotEmpty().allSatisfy(term -> assertThat(PublishedMediaWorks.SEARCH_TERM).contains(term));
        assertThat(driver.findElement(By.cssSelector(".results a[href='" + works.videoPath() + "']")).getText())
                .isEqualTo(works.videoTitle());
        List<String> facets = driver.findElements(By.cssSelector(".facets legend")).stream().map(WebElement::getText).toList();
        assertThat(facets).contains("主题", "形式");

        driver.findElement(By.cssSelector(".facets a[href*='kind=video']")).click();
        waitFor().until(ExpectedConditions.urlContains("kind=video"));
        assertThat(driver.findElement(By.cssSelector(".facets a[aria-current=true]")).getText()).startsWith("微视频");
        assertThat(driver.findElements(By.cssSelector(".results .kind"))).isNotEmpty()
                .allSatisfy(kind -> assertThat(kind.getText()).isEqualTo("微视频"));
        assertThat(driver.findElements(By.cssSelector(".results a[href='" + works.videoPath() + "']"))).hasSize(1);
    }

    @Test
    void elderModeIsRememberedAcrossReloadsAndPages() {
        var driver = chromium.driver;
        driver.get(base + "/");
        WebElement toggle = driver.findElement(By.cssSelector("[data-elder-toggle]"));
        assertThat(elder()).isFalse();
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        double normal = rootFontSize();

        toggle.click();
        assertThat(elder()).isTrue();
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(rootFontSize()).isGreaterThan(normal);
        assertThat(driver.manage().getCookieNamed("kepu-elder").getValue()).isEqualTo("1");

        driver.navigate().refresh();
        assertThat(elder()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-elder-toggle]")).getAttribute("aria-pressed")).isEqualTo("true");
        driver.get(base + works.videoPath());
        assertThat(elder()).isTrue();
        // Storage cleared (some WebViews drop it): the cookie still remembers.
        driver.executeScript("localStorage.clear()");
        driver.navigate().refresh();
        assertThat(elder()).isTrue();

        driver.findElement(By.cssSelector("[data-elder-toggle]")).click();
        assertThat(elder()).isFalse();
        driver.navigate().refresh();
        assertThat(elder()).isFalse();
        assertThat(rootFontSize()).isEqualTo(normal);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onA375PixelPhoneTheHomeAndVideoPagesFitTheScreen() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        chromium.emulatePhone(375, 812);
        try {
            for (var page : Map.of("home", "/", "video", works.videoPath()).entrySet()) {
                chromium.driver.get(base + page.getValue());
                chromium.evaluate("document.fonts.ready.then(() => true)");
                assertThat(((Number) chromium.driver.executeScript("return document.documentElement.clientWidth")).intValue())
                        .isEqualTo(375);
                assertThat(((Number) chromium.driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("no sideways scrolling on " + page.getValue()).isLessThanOrEqualTo(375);
                if (page.getKey().equals("video")) {
                    Map<String, Object> box = (Map<String, Object>) chromium.driver.executeScript(
                            "const r = document.querySelector('video').getBoundingClientRect(); return {width: r.width, height: r.height};");
                    double width = ((Number) box.get("width")).doubleValue();
                    assertThat(width).isGreaterThan(300);
                    assertThat(((Number) box.get("height")).doubleValue()).as("a 16:9 player").isCloseTo(width * 9 / 16,
                            org.assertj.core.data.Offset.offset(2.0));
                }
                byte[] png = chromium.fullPageScreenshot();
                Path file = SCREENSHOTS.resolve(page.getKey() + "-375.png");
                Files.write(file, png);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(image.getWidth()).isEqualTo(750);
                assertThat(image.getHeight()).isGreaterThanOrEqualTo(812 * 2);
                System.out.printf("Screenshot %s: %dx%d%n", file, image.getWidth(), image.getHeight());
            }
        } finally {
            chromium.stopEmulation();
        }
    }

    private void assertPlays(WebElement media) {
        Object started = chromium.evaluate("(media => { media.muted = true; return media.play().then(() => 'playing'); })(arguments[0])", media);
        assertThat(started).isEqualTo("playing");
        await("playback").atMost(PLAYBACK).pollInterval(Duration.ofMillis(200)).until(() ->
                ((Number) chromium.driver.executeScript("return arguments[0].currentTime", media)).doubleValue() > 1.5);
        assertThat(chromium.driver.executeScript("return arguments[0].error", media)).isNull();
        assertThat(chromium.driver.executeScript("return arguments[0].paused", media)).isEqualTo(false);
    }

    /** The file's Chinese captions show by default and their cues load; the English track is offered too. */
    @SuppressWarnings("unchecked")
    private void assertCaptionsLoad(WebElement video) {
        List<Map<String, Object>> tracks = (List<Map<String, Object>>) chromium.driver.executeScript(
                "return [...arguments[0].textTracks].map(t => ({kind: t.kind, language: t.language, label: t.label, mode: t.mode}))",
                video);
        assertThat(tracks).containsExactly(
                Map.of("kind", "captions", "language", "zh", "label", "中文字幕", "mode", "showing"),
                Map.of("kind", "captions", "language", "en", "label", "英语字幕", "mode", "disabled"));
        await("caption cues").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                ((Number) chromium.driver.executeScript("const c = arguments[0].textTracks[0].cues; return c ? c.length : 0", video))
                        .intValue() == 3);
        assertThat((String) chromium.driver.executeScript("return arguments[0].textTracks[0].cues[1].text", video))
                .isEqualTo("伏地、遮挡、手抓牢。");
    }

    private long distinctBarHeights(WebElement canvas) {
        return ((Number) chromium.driver.executeScript("""
                const canvas = arguments[0];
                const { width, height } = canvas;
                const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
                const heights = new Set();
                for (let x = 0; x < width; x++) {
                  let painted = 0;
                  for (let y = 0; y < height; y++) if (pixels[(y * width + x) * 4 + 3] > 0) painted++;
                  if (painted) heights.add(painted);
                }
                return heights.size;""", canvas)).longValue();
    }

    private boolean elder() {
        return (Boolean) chromium.driver.executeScript("return document.documentElement.classList.contains('elder')");
    }

    private double rootFontSize() {
        return Double.parseDouble(((String) chromium.driver.executeScript(
                "return getComputedStyle(document.documentElement).fontSize")).replace("px", ""));
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(chromium.driver, Duration.ofSeconds(15));
    }

    private String html(String uri) {
        return new String(anonymous.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }
}
