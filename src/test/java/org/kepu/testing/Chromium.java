package org.kepu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by its own chromedriver: no driver download, no Selenium Manager
 * ({@code SE_OFFLINE=true} in the Surefire configuration), a fresh profile per browser. Missing packages fail
 * the test with the command that installs them: a browser test that skips would pass on a machine that never
 * ran it.
 */
public final class Chromium implements AutoCloseable {

    public static final String INSTALL = "apt-get install -y chromium chromium-driver fonts-wqy-zenhei";
    private static final Path BINARY = Path.of(System.getProperty("kepu.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("kepu.test.chromedriver", "/usr/bin/chromedriver"));
    /** The CJK font of fonts-wqy-zenhei: without it Chinese text renders as boxes in screenshots. */
    private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required", "--lang=zh-CN", "--window-size=1280,900");

    public final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Chromium start() {
        for (Path required : List.of(BINARY, DRIVER, CJK_FONT)) {
            if (!Files.isReadable(required)) {
                throw new AssertionError("Browser tests need Debian's Chromium, its driver and a CJK font, but " + required
                        + " is missing. Install them (as root) with: " + INSTALL);
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("kepu-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    /** Runs {@code script} (an expression, may be a promise) and returns its value. */
    public Object evaluate(String script, Object... arguments) {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + script + ").then(done, e => done('failed: ' + e));", arguments);
    }

    /** Messages of level SEVERE the pages logged to the console since the last call (errors, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    /** A PNG of the whole page (not only the viewport). */
    public byte[] fullPageScreenshot() {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** A phone: {@code width} CSS pixels wide, 2 device pixels per CSS pixel, touch and mobile viewport rules. */
    public void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    public void stopEmulation() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // the profile is in the temporary folder; leaving it behind is harmless
            }
        }
    }
}
