package org.kepu.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.kepu.ReviewedWorks;
import org.kepu.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's browser tests share: one headless Chromium per test class against the whole application, its
 * log of console errors emptied before each test, signing in, steps on elements named by their {@code data-test}
 * hook, and full-page screenshots in {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    WebTestClient anonymous;
    @LocalServerPort
    int port;

    Chromium chromium;
    ReviewedWorks reviewed;
    String base;

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

    void signIn(String username) {
        signIn(username, ReviewedWorks.DEMO_PASSWORD);
    }

    void signIn(String username, String password) {
        sendSignIn("/console/sign-in", username, password);
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
        // Before signing in, asking who is signed in answers 401, which the browser logs; nothing else may fail.
        assertThat(chromium.consoleErrors()).allMatch(error -> error.contains("/api/session") && error.contains("401"));
    }

    /**
     * Opens {@code page} (the sign-in form, perhaps with the page to go to next) without the cookies of an earlier
     * sign-in and sends the form. The cookies can only be deleted on a page of the application, hence two loads.
     */
    void sendSignIn(String page, String username, String password) {
        var driver = chromium.driver;
        driver.get(base + "/console/sign-in");
        driver.manage().deleteAllCookies();
        driver.get(base + page);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    static By test(String name) {
        return By.cssSelector("[data-test='" + name + "']");
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(chromium.driver, PATIENCE);
    }

    void click(String name) {
        waitFor().until(ExpectedConditions.elementToBeClickable(test(name))).click();
    }

    void type(String name, String text) {
        WebElement field = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test(name)));
        field.clear();
        field.sendKeys(text);
    }

    /** Date and time inputs take their value as the page would get it, whatever the browser's locale does to typing. */
    void setValue(String name, String value) {
        WebElement field = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test(name)));
        chromium.driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", field, value);
    }

    String text(String name) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(test(name))).getText();
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), chromium.fullPageScreenshot());
    }

    /** The id the current address names, found by the first group of {@code path}. */
    String idFromUrl(Pattern path, String what) {
        Matcher matcher = path.matcher(chromium.driver.getCurrentUrl());
        assertThat(matcher.find()).as("%s address: %s", what, chromium.driver.getCurrentUrl()).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
