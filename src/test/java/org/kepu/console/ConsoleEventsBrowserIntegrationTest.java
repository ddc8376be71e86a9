package org.kepu.console;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events area of the console in a real browser against the whole application: a society's administrator
 * writes a series in the form, adds an occurrence (typed in Beijing time) and submits it; 一审 and 终审 sign in the
 * console and the series goes public. Staff then run a published occurrence: registrations, check-in by code, the
 * capacity and its waiting line. A society member who coordinates an occurrence checks registrants in from 现场签到.
 * Screenshots go to {@code target/console-screenshots/}.
 */
@KepuIntegrationTest
class ConsoleEventsBrowserIntegrationTest extends ConsoleBrowserTest {

    private static final Pattern SERIES_PATH = Pattern.compile("/console/events/([0-9a-f-]{36})");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void aSocietyWritesASeriesInTheConsoleThatBothStagesSignAndTheSiteShows() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String title = "营养科普进社区 " + suffix;
        OffsetDateTime startsAt = OffsetDateTime.now(SHANGHAI).plusDays(20).withHour(9).withMinute(30).truncatedTo(ChronoUnit.MINUTES);

        // The society's administrator writes the series: the organiser is their society without choosing it.
        signIn("demo-society-admin");
        chromium.driver.get(base + "/console/events");
        click("series-new");
        type("form-title", title);
        type("form-summary", "营养师带你读懂食品标签。");
        type("form-description", "现场讲解食品标签上的配料表和营养成分表，并有互动问答。");
        click("form-topic-health");
        assertThat(chromium.driver.findElements(test("form-organisation"))).as("only staff choose the organiser").isEmpty();
        screenshot("event-series-form");
        click("form-save");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("series-notice")));
        String series = seriesFromUrl();
        assertThat(text("series-status")).isEqualTo("草稿");
        assertThat(text("series-organiser")).isNotBlank();
        assertThat(chromium.driver.findElements(test("series-submit"))).as("no occurrence yet").isEmpty();

        // One occurrence, typed in Beijing time.
        click("occurrence-add");
        setValue("occurrence-starts", startsAt.format(LOCAL_INPUT));
        setValue("occurrence-ends", startsAt.plusHours(2).format(LOCAL_INPUT));
        type("occurrence-venue-name", "赫山区科技馆");
        type("occurrence-district", "赫山区");
        type("occurrence-address", "益阳市赫山区人民路 1 号");
        type("occurrence-capacity", "120");
        click("occurrence-save");
        waitFor().until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(test("occurrence-time")),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]"))));
        assertThat(chromium.driver.findElements(By.cssSelector("[role=alert]"))).as("problems saving the occurrence")
                .extracting(WebElement::getText).isEmpty();
        WebElement time = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("occurrence-time")));
        assertThat(time.getText()).startsWith(startsAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        screenshot("event-series-draft");
        click("series-submit");
        waitFor().until(ExpectedConditions.textToBe(test("series-status"), "审核中"));
        assertThat(text("series-stage")).contains("一审");
        assertThat(chromium.driver.findElements(test("series-decision"))).as("authors do not sign").isEmpty();

        Map<String, Object> draft = view(series);
        List<?> occurrences = (List<?>) draft.get("occurrences");
        assertThat(occurrences).hasSize(1);
        assertThat(OffsetDateTime.parse((String) map(occurrences.get(0)).get("startsAt")).toInstant()).isEqualTo(startsAt.toInstant());
        assertThat(map(draft.get("organisation"))).containsEntry("slug", "nutrition");

        // 一审 finds the series among those in review and approves it; a refusal needs a reason.
        signIn("demo-reviewer-political");
        chromium.driver.get(base + "/console/events?status=REVIEW");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("series-line-" + series))).findElement(test("series-open")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("series-decision")));
        click("series-verdict-REQUEST_CHANGES");
        click("series-decide");
        assertThat(text("series-reason-error")).contains("理由");
        screenshot("event-series-review");
        click("series-verdict-APPROVE");
        click("series-decide");
        waitFor().until(ExpectedConditions.textToBe(test("series-notice"), "已签署“通过”。"));
        assertThat(text("series-stage")).contains("终审");
        assertThat(text("series-not-your-stage")).contains("终审");

        // 终审.
        signIn("demo-approver");
        chromium.driver.get(base + "/console/events/" + series);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("series-decision")));
        assertThat(text("series-decision-POLITICAL")).contains("demo-reviewer-political").contains("通过");
        click("series-verdict-APPROVE");
        click("series-decide");
        waitFor().until(ExpectedConditions.textToBe(test("series-status"), "已发布"));
        assertThat(chromium.driver.findElement(test("series-public")).getDomAttribute("href")).isEqualTo("/events/" + series);
        screenshot("event-series-published");

        assertThat(view(series)).containsEntry("status", "PUBLISHED").containsEntry("title", title);
        await("the public page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                anonymous.get().uri("/events/{id}", series).accept(MediaType.TEXT_HTML).exchange().returnResult(String.class)
                        .getStatus().value() == 200);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void staffRunAPublishedOccurrence() throws IOException {
        ReviewedEvents events = new ReviewedEvents(anonymous);
        OffsetDateTime startsAt = OffsetDateTime.now(SHANGHAI).plusDays(12).withHour(14).truncatedTo(ChronoUnit.HOURS);
        String series = events.series("科学实验开放日 " + UUID.randomUUID().toString().substring(0, 6), Map.of());
        String occurrence = events.occurrence(series, startsAt, "资阳区",
                events.registration(OffsetDateTime.now(SHANGHAI).minusHours(1), startsAt.minusHours(2), 1));
        events.publish(series);
        Map<String, Object> first = register(occurrence, "林小满", "13707370101");
        Map<String, Object> second = register(occurrence, "高远", "13707370102");
        assertThat(List.of(first.get("status"), second.get("status"))).containsExactly("CONFIRMED", "WAITING");

        // From the occurrence's row of the published series to its operations screen.
        signIn("demo-editor");
        chromium.driver.get(base + "/console/events/" + series);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("occurrence-" + occurrence)))
                .findElement(test("occurrence-operations")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("registrants-table")));
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/console/events/" + series + "/occurrences/" + occurrence);
        assertCounts("1", "1", "1", "0");
        assertThat(registrantState("林小满")).isEqualTo("已确认");
        assertThat(registrantState("高远")).isEqualTo("候补");
        assertThat(registrantRow("高远").findElement(test("registrant-position")).getText()).isEqualTo("1");
        assertThat(registrantRow("林小满").getText()).contains("13707370101");

        // A scanner types the QR code's text and Enter.
        type("check-in-code", "KEPU-CHECKIN:" + occurrence + ":" + first.get("checkInCode") + Keys.ENTER);
        assertThat(text("check-in-result")).contains("林小满").contains("已签到");
        assertThat(chromium.driver.findElement(test("check-in-code")).getDomProperty("value")).as("ready for the next").isEmpty();
        assertCounts("1", "1", "1", "1");
        assertThat(registrantState("林小满")).isEqualTo("已签到");

        // Raising the capacity confirms the waiting registrant; going below the confirmed places is refused.
        type("capacity-places", "2");
        click("capacity-save");
        assertThat(text("capacity-result")).contains("1 位候补者已转为已确认");
        waitFor().until(driver -> registrantState("高远").equals("已确认"));
        assertCounts("2", "2", "0", "1");
        type("capacity-places", "1");
        click("capacity-save");
        assertThat(text("capacity-problem")).contains("已确认报名 2 人");
        assertThat(chromium.driver.findElement(test("capacity-places")).getDomProperty("value")).as("the old value again").isEqualTo("2");
        List<?> stored = (List<?>) view(series).get("occurrences");
        assertThat(map(map(stored.get(0)).get("registration"))).containsEntry("capacity", 2).containsEntry("confirmed", 2);

        // Codes that let nobody in say why.
        type("check-in-code", "ZZZZ9999");
        click("check-in-submit");
        WebElement unknown = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("check-in-problem")));
        assertThat(unknown.getText()).contains("ZZZZ9999").contains("不属于此场次");
        assertThat(unknown.getDomAttribute("data-code")).isEqualTo("event-check-in-unknown");
        assertThat(chromium.driver.findElements(test("check-in-result"))).isEmpty();
        type("check-in-code", (String) first.get("checkInCode"));
        click("check-in-submit");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(test("check-in-problem"), "已于"));

        new Select(chromium.driver.findElement(test("registrants-filter"))).selectByValue("CHECKED_IN");
        assertThat(chromium.driver.findElements(By.cssSelector("[data-test=registrants-table] tbody tr"))).hasSize(1);

        // A coordinator from the volunteer directory.
        String coordinator = "协调员" + UUID.randomUUID().toString().substring(0, 6);
        reviewed.as("demo-editor").post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", coordinator, "phone", "13600000001", "districts", List.of("资阳区"), "skills", List.of("讲解"),
                        "availability", List.of("WEEKEND"))).exchange().expectStatus().isCreated();
        type("volunteer-search-text", coordinator + Keys.ENTER);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(test("volunteer-choice"), coordinator));
        new Select(chromium.driver.findElement(test("volunteer-new-role"))).selectByValue("COORDINATOR");
        click("volunteer-add");
        click("volunteers-save");
        assertThat(text("volunteers-notice")).contains("1 人");
        List<?> assigned = (List<?>) map(((List<?>) view(series).get("occurrences")).get(0)).get("volunteers");
        assertThat(assigned).singleElement().satisfies(line -> assertThat(map(line)).containsEntry("name", coordinator)
                .containsEntry("role", "COORDINATOR"));
        screenshot("event-occurrence-operations");
        assertThat(chromium.consoleErrors()).as("only the refused calls")
                .allMatch(error -> error.contains("/check-ins") || error.contains("/capacity"));
    }

    @Test
    void aVolunteerCoordinatorWhoIsNotStaffChecksRegistrantsIn() throws IOException {
        // Nothing to do for an account without duties: the page says so.
        signIn("demo-approver");
        chromium.driver.get(base + "/console/check-in");
        assertThat(text("duties-empty")).contains("没有需要您签到的场次");

        // Staff make the society member's directory entry the coordinator of a published occurrence; a citizen registers.
        ReviewedEvents events = new ReviewedEvents(anonymous);
        OffsetDateTime startsAt = OffsetDateTime.now(SHANGHAI).plusDays(2).withHour(10).truncatedTo(ChronoUnit.HOURS);
        String title = "家庭科学之夜 " + UUID.randomUUID().toString().substring(0, 6);
        String series = events.series(title, Map.of());
        String occurrence = events.occurrence(series, startsAt, "桃江县",
                events.registration(OffsetDateTime.now(SHANGHAI).minusHours(1), startsAt.minusHours(2), 5));
        events.publish(series);
        String volunteer = (String) reviewed.as("demo-editor").post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "学会志愿者" + UUID.randomUUID().toString().substring(0, 6), "phone", "13600000002",
                        "account", "demo-society-member", "districts", List.of("桃江县"), "skills", List.of("讲解"),
                        "availability", List.of("WEEKEND"))).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        reviewed.as("demo-editor").put().uri("/api/events/occurrences/{id}/volunteers", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("volunteer", volunteer, "role", "COORDINATOR"))).exchange().expectStatus().isOk();
        Map<String, Object> guest = register(occurrence, "方小雨", "13707370201");

        // The member opens 现场签到 from the navigation and then the occurrence.
        signIn("demo-society-member");
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav a[href='/console/check-in']"))).click();
        WebElement duty = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("duty-" + occurrence)));
        assertThat(duty.getText()).contains(title).contains("桃江县科技馆").contains("已确认 1 人，已签到 0 人");
        screenshot("check-in-duties");
        duty.findElement(test("duty-open")).click();
        waitFor().until(ExpectedConditions.urlToBe(base + "/console/check-in/" + occurrence));
        assertThat(text("duty-title")).isEqualTo(title);
        assertThat(text("duty-when")).startsWith(startsAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(text("duty-place")).contains("桃江县科技馆").contains("益阳市桃江县人民路 1 号");
        assertThat(List.of(text("count-confirmed"), text("count-checked-in"))).containsExactly("1", "0");
        assertThat(chromium.driver.findElements(test("registrants-table"))).as("coordinators see no registration list").isEmpty();
        assertThat(chromium.driver.getPageSource()).doesNotContain("13707370201").doesNotContain((String) guest.get("checkInCode"));

        // Checked in by the typed code; a second try says when and by whom.
        type("check-in-code", guest.get("checkInCode") + "" + Keys.ENTER);
        assertThat(text("check-in-result")).contains("方小雨").contains("已签到").contains("demo-society-member");
        waitFor().until(ExpectedConditions.textToBe(test("count-checked-in"), "1"));
        screenshot("check-in-duty");
        type("check-in-code", (String) guest.get("checkInCode"));
        click("check-in-submit");
        WebElement again = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("check-in-problem")));
        assertThat(again.getText()).contains("已于").contains("demo-society-member");
        assertThat(again.getDomAttribute("data-code")).isEqualTo("event-already-checked-in");
        assertThat(chromium.driver.findElements(test("check-in-result"))).isEmpty();
        assertThat(chromium.consoleErrors()).as("only the refused check-in").allMatch(error -> error.contains("/check-ins"));
    }

    private Map<String, Object> view(String series) {
        return reviewed.as("demo-editor").get().uri("/api/events/series/{id}", series).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> register(String occurrence, String name, String phone) {
        return anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "phone", phone)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    private void assertCounts(String capacity, String confirmed, String waiting, String checkedIn) {
        waitFor().until(ExpectedConditions.textToBe(test("count-checked-in"), checkedIn));
        assertThat(List.of(text("count-capacity"), text("count-confirmed"), text("count-waiting")))
                .containsExactly(capacity, confirmed, waiting);
    }

    private WebElement registrantRow(String name) {
        return waitFor().until(driver -> driver.findElements(By.cssSelector("[data-test=registrants-table] tbody tr")).stream()
                .filter(row -> row.findElement(test("registrant-name")).getText().equals(name)).findFirst().orElse(null));
    }

    private String registrantState(String name) {
        return registrantRow(name).findElement(test("registrant-state")).getText();
    }

    private String seriesFromUrl() {
        return idFromUrl(SERIES_PATH, "a series'");
    }
}
