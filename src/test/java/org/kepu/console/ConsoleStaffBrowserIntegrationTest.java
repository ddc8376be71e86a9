package org.kepu.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editors' and administrators' console screens in a real browser against the whole application: an editor
 * creates, pins, moves and times a column and the public site lists it, features a published work and sees the
 * publishing schedule; an administrator creates an account, checks the search index for drift and finds the
 * column's creation in the audit log. Screenshots go to {@code target/console-screenshots/}.
 */
@KepuIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleStaffBrowserIntegrationTest extends ConsoleBrowserTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String slug = "browser-" + suffix;
    private final String columnName = "浏览器专栏" + suffix;
    private String featuredWork;
    private final String featuredTitle = "推荐作品" + suffix;
    private String scheduledWork;

    @BeforeAll
    void publishTheWorks() {
        featuredWork = reviewed.article(featuredTitle);
        reviewed.publish(featuredWork);
        scheduledWork = reviewed.article("定时发布" + suffix);
        reviewed.approve(scheduledWork, OffsetDateTime.now().plusDays(2).truncatedTo(ChronoUnit.MINUTES));
        await("the published work is searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> reviewed.as("demo-editor").get().uri(uri -> uri.path("/api/search").queryParam("q", featuredTitle).build())
                        .exchange().expectBody(String.class).returnResult().getResponseBody().contains(featuredWork));
    }

    @BeforeEach
    void signedOut() {
        chromium.stopEmulation();
        chromium.driver.get(base + "/console/sign-in");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.executeScript("localStorage.clear()");
        chromium.consoleErrors();
    }

    @Test
    @Order(1)
    void anEditorManagesAColumnFeaturesAWorkAndSeesTheSchedule() throws Exception {
        List<String> featuredBefore = featured();
        signIn("demo-editor", ReviewedWorks.DEMO_PASSWORD);
        var driver = chromium.driver;
        try {
            driver.get(base + "/console/editor/columns");
            type("column-slug", slug);
            type("column-name", columnName);
            type("column-description", "浏览器测试创建的专栏");
            click("column-create-submit");
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("column-row-" + slug)));
            assertThat(column().get("pinned")).isEqualTo(false);

            List<String> before = slugs();
            int at = before.indexOf(slug);
            assertThat(at).as("a new column comes last, after the seeded ones").isPositive();
            click("column-up-" + slug);
            await("moved up").atMost(Duration.ofSeconds(10)).until(() -> slugs().indexOf(slug) == at - 1);
            await("the keyboard stays on the button that moved the row").atMost(Duration.ofSeconds(5))
                    .until(() -> driver.switchTo().activeElement().getDomAttribute("data-test"), ("column-up-" + slug)::equals);
            assertThat(rowOrder()).as("the table follows the new order").isEqualTo(slugs());

            click("column-pin-" + slug);
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("column-pinned-" + slug)));
            assertThat(column().get("pinned")).isEqualTo(true);
            List<Map<String, Object>> listed = columns();
            assertThat(listed.subList(0, slugs().indexOf(slug))).as("only pinned columns come before it")
                    .allMatch(each -> Boolean.TRUE.equals(each.get("pinned")));
            assertThat(rowOrder()).isEqualTo(slugs());

            // The window is typed in Beijing time, whatever zone the browser is in.
            ZonedDateTime from = ZonedDateTime.now(BEIJING).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
            ZonedDateTime until = from.plusDays(7);
            click("column-edit-" + slug);
            setValue("column-edit-from", from.format(LOCAL_INPUT));
            setValue("column-edit-until", until.format(LOCAL_INPUT));
            click("column-edit-save");
            waitFor().until(ExpectedConditions.invisibilityOfElementLocated(test("column-form-" + slug)));
            Map<String, Object> saved = column();
            assertThat(OffsetDateTime.parse((String) saved.get("visibleFrom")).toInstant()).isEqualTo(from.toInstant());
            assertThat(OffsetDateTime.parse((String) saved.get("visibleUntil")).toInstant()).isEqualTo(until.toInstant());
            assertThat(saved.get("pinned")).as("editing keeps the pin").isEqualTo(true);
            assertThat(driver.findElement(test("column-visible-" + slug)).getAttribute("class")).contains("ok");
            screenshot("editor-columns");

            await("the public site lists the column").atMost(Duration.ofSeconds(10))
                    .until(() -> html("/columns").contains(columnName));

            driver.get(base + "/console/editor/featured");
            type("featured-query", featuredTitle);
            click("featured-search");
            waitFor().until(ExpectedConditions.elementToBeClickable(test("featured-add-" + featuredWork)));
            click("featured-add-" + featuredWork);
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("featured-slot-" + featuredWork)));
            click("featured-save");
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("featured-notice")));
            assertThat(featured()).contains(featuredWork);
            await("the home page shows the pick").atMost(Duration.ofSeconds(10)).until(() -> html("/").contains(featuredTitle));

            chromium.emulatePhone(375, 800);
            driver.get(base + "/console/editor/schedule");
            WebElement entry = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("schedule-entry-" + scheduledWork)));
            assertThat(entry.getText()).contains("定时发布" + suffix).contains("发布");
            String day = ZonedDateTime.now(BEIJING).plusDays(2).toLocalDate().toString();
            assertThat(driver.findElement(test("schedule-day-" + day)).getText()).contains("定时发布" + suffix);
            screenshot("editor-schedule-phone");
            assertThat(chromium.consoleErrors()).isEmpty();
        } finally {
            reviewed.as("demo-editor").put().uri("/api/site/featured").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("works", featuredBefore)).exchange().expectStatus().isOk();
        }
    }

    @Test
    @Order(2)
    void anAdministratorCreatesAnAccountChecksTheIndexAndFindsTheColumnInTheAuditLog() throws Exception {
        signIn("admin", "test-admin-password");
        var driver = chromium.driver;
        String username = "browser-" + suffix;

        driver.get(base + "/console/admin/accounts");
        type("account-username", username);
        type("account-display-name", "浏览器编辑" + suffix);
        click("account-role-EDITOR");
        click("account-create-submit");
        String password = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("one-time-password-value"))).getText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("account-row-" + username)));
        reviewed.as(username, password).get().uri("/api/session").exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).value(actor -> assertThat(actor.get("roles")).isEqualTo(List.of("EDITOR")));

        driver.get(base + "/console/admin/search");
        click("drift-check");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("drift-result")));
        long published = Long.parseLong(driver.findElement(test("drift-published")).getText());
        assertThat(published).as("at least the work this test published").isPositive();
        assertThat(driver.findElement(test("drift-missing")).getText()).matches("\\d+");
        screenshot("admin-search-drift");

        driver.get(base + "/console/admin/audit");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("audit-table")));
        type("audit-action", "column.created");
        type("audit-subject", "column:" + slug);
        click("audit-submit");
        await("the creation found").atMost(Duration.ofSeconds(10)).until(() -> driver.findElements(test("audit-entry-column.created")).size() == 1
                && driver.findElements(By.cssSelector("[data-test^='audit-entry-']")).size() == 1);
        WebElement found = driver.findElement(test("audit-entry-column.created"));
        assertThat(found.getText()).contains("demo-editor").contains("column:" + slug).contains(columnName);
        screenshot("admin-audit");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private List<String> slugs() {
        return columns().stream().map(each -> (String) each.get("slug")).toList();
    }

    private List<String> rowOrder() {
        return chromium.driver.findElements(By.cssSelector("[data-test^='column-row-']")).stream()
                .map(row -> row.getAttribute("data-test").substring("column-row-".length())).toList();
    }

    private Map<String, Object> column() {
        return columns().stream().filter(each -> slug.equals(each.get("slug"))).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> columns() {
        return reviewed.as("demo-editor").get().uri("/api/columns").exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> featured() {
        return (List<String>) reviewed.as("demo-editor").get().uri("/api/site/featured").exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("works");
    }

    private String html(String path) {
        return anonymous.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
