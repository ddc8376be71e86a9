package org.kepu.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rumor library of the console in a real browser against the whole application: a citizen reports a rumor;
 * an editor opens the clue from the inbox (with the reporter's contact), turns it into an item in the form,
 * prefilled with the claim, and submits it; 一审 signs in the console; an expert of the item's topic signs 二审
 * and the rebuttal goes public. Screenshots go to {@code target/console-screenshots/}.
 */
@KepuIntegrationTest
class ConsoleRumorBrowserIntegrationTest extends ConsoleBrowserTest {

    /** The per-address limit of the public report form (see ClueLimit); every test request comes from one address. */
    private static final String CLUE_LIMIT_KEYS = "kepu:rumor:clues:address:*";
    private static final Pattern ITEM_PATH = Pattern.compile("/console/rumors/([0-9a-f-]{36})");
    private static final String COLUMN = "console-rumors";

    @Autowired
    RedisReactiveCommands<String, String> redis;

    @Test
    void aCitizensClueBecomesAnItemInTheConsoleThatBothStagesSignAndTheSiteShows() throws IOException {
        String suffix = suffix();
        String claim = "听说用淡盐水漱口能杀死喉咙里的流感病毒 " + suffix;
        String contact = "reader-" + suffix + "@example.com";
        String slug = "salt-water-flu-" + suffix;
        // A topic of its own: an expert of a shared topic would be assigned the 二审 of other tests' works.
        String topic = "gargle-" + suffix;
        reviewed.as("admin", "test-admin-password").post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", topic, "name", "漱口" + suffix, "position", 70)).exchange().expectStatus().isCreated();
        redis.keys(CLUE_LIMIT_KEYS).flatMap(redis::del).blockLast(Duration.ofSeconds(10));
        reviewed.as("demo-editor").put().uri("/api/rumors/columns/{slug}", COLUMN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "辟谣前沿", "description", "科学辟谣专栏")).exchange().expectStatus().isOk();
        String clue = (String) anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("claim", claim, "whereSeen", "朋友圈", "contact", contact))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");

        // The editor finds the clue in the inbox, with the reporter's contact and the library's similar items.
        signIn("demo-editor");
        chromium.driver.get(base + "/console/rumors/clues");
        WebElement line = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("clue-line-" + clue)));
        screenshot("rumor-clue-inbox");
        line.findElement(test("clue-open")).click();
        assertThat(text("clue-claim")).isEqualTo(claim);
        assertThat(text("clue-contact")).isEqualTo(contact);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("clue-matches")));
        screenshot("rumor-clue");

        // It becomes a new item: the form starts from the claim.
        click("clue-create-item");
        WebElement claimField = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("form-claim")));
        assertThat(claimField.getDomProperty("value")).isEqualTo(claim);
        assertThat(text("form-from-clue")).isNotBlank();
        type("form-claim", "用淡盐水漱口能杀死流感病毒、预防流感。");
        new Select(waitFor().until(ExpectedConditions.elementToBeClickable(test("form-verdict")))).selectByValue("RUMOR");
        type("form-truth", "淡盐水漱口可以缓解咽喉不适，但不能杀死流感病毒，也不能预防流感。");
        type("form-explanation", "流感病毒主要在呼吸道上皮细胞内复制，漱口水无法到达，也达不到杀灭病毒的浓度。");
        type("form-evidence-title-0", "流行性感冒诊疗方案");
        type("form-evidence-publisher-0", "国家卫生健康委员会");
        type("form-where-0", "朋友圈");
        click("form-topic-" + topic);
        new Select(waitFor().until(ExpectedConditions.elementToBeClickable(test("form-column")))).selectByValue(COLUMN);
        type("form-slug", slug);
        // The similar items are looked up as the claim is typed.
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(test("similar-loading")));
        assertThat(chromium.driver.findElements(By.cssSelector("[data-test=similar-none], [data-test^='similar-']"))).isNotEmpty();
        chromium.driver.executeScript("window.scrollTo(0, 0)");
        screenshot("rumor-item-form");
        click("form-submit");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("item-notice")));
        String item = itemFromUrl();
        assertThat(text("item-status")).isEqualTo("审核中");
        assertThat(text("item-stage")).contains("一审");
        assertThat(chromium.driver.findElements(test("item-decision"))).as("editors do not sign").isEmpty();
        screenshot("rumor-item-submitted");
        Map<String, Object> handled = reviewed.as("demo-editor").get().uri("/api/rumors/clues/{id}", clue).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(map(handled.get("clue"))).containsEntry("status", "CONVERTED").containsEntry("item", item);

        // 一审 finds the item in the list of items in review and approves it.
        signIn("demo-reviewer-political");
        chromium.driver.get(base + "/console/rumors?status=REVIEW");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("item-line-" + item))).findElement(test("item-open")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("item-decision")));
        assertThat(text("item-truth")).contains("不能杀死流感病毒");
        assertThat(text("item-evidence")).contains("流行性感冒诊疗方案").contains("国家卫生健康委员会");
        screenshot("rumor-item-review");
        click("item-verdict-APPROVE");
        click("item-decide");
        waitFor().until(ExpectedConditions.textToBe(test("item-notice"), "已签署“通过”。"));
        assertThat(text("item-stage")).contains("二审");
        assertThat(chromium.driver.findElements(test("item-decision"))).as("二审 is not 一审's to sign").isEmpty();
        assertThat(text("item-not-your-stage")).contains("二审");

        // An expert of the item's topic signs 二审, from the address the in-app notice links to.
        String expert = expert("rumor-console-expert-" + suffix, "周敏", topic);
        signIn(expert, "a-long-password-1");
        chromium.driver.get(base + "/console/rumors/" + item);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("item-decision")));
        assertThat(text("item-decision-POLITICAL")).contains("demo-reviewer-political").contains("通过");
        click("item-verdict-REJECT");
        click("item-decide");
        assertThat(text("item-reason-error")).contains("理由");
        click("item-verdict-APPROVE");
        click("item-decide");
        waitFor().until(ExpectedConditions.textToBe(test("item-status"), "已发布"));
        assertThat(text("item-decision-expert")).contains("周敏");
        assertThat(chromium.driver.findElement(test("item-public")).getDomAttribute("href")).isEqualTo("/rumors/" + slug);
        screenshot("rumor-item-published");

        Map<String, Object> view = reviewed.as("demo-editor").get().uri("/api/rumors/items/{id}", item).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(map(view.get("item"))).containsEntry("status", "PUBLISHED").containsEntry("slug", slug)
                .containsEntry("claim", "用淡盐水漱口能杀死流感病毒、预防流感。").containsEntry("column", COLUMN)
                .containsEntry("topics", List.of(topic));
        assertThat(view.get("publicPath")).isEqualTo("/rumors/" + slug);
        await("the public page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                anonymous.get().uri("/rumors/{slug}", slug).accept(MediaType.TEXT_HTML).exchange().returnResult(String.class)
                        .getStatus().value() == 200);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private String expert(String username, String name, String topic) {
        WebTestClient admin = reviewed.as("admin", "test-admin-password");
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", name, "password", "a-long-password-1",
                        "roles", List.of("REVIEWER_SCIENTIFIC")))
                .exchange().expectStatus().isCreated();
        admin.post().uri("/api/admin/experts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "title", "呼吸科 主任医师", "fields", List.of("呼吸道传染病"),
                        "topics", List.of(topic), "account", username))
                .exchange().expectStatus().isCreated();
        return username;
    }

    private String itemFromUrl() {
        return idFromUrl(ITEM_PATH, "an item's");
    }
}
