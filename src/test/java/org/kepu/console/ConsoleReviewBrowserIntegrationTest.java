package org.kepu.console;

import java.io.IOException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reviewer screens of the console in a real browser against the whole application: each stage's account
 * finds a submitted work in its queue, reads it with the word-screen hits marked, comments on a passage and
 * signs; a rejection needs a reason; an edit shows what it changes. Screenshots go to
 * {@code target/console-screenshots/}.
 */
@KepuIntegrationTest
class ConsoleReviewBrowserIntegrationTest extends ReviewQueueBrowserTest {

    /** 包治百病 is a FLAG word of the dictionary: it warns the reviewers and does not stop the work. */
    private static final String FLAGGED = "包治百病";

    @Test
    void everyStageApprovesInTheConsoleWithAnAnchoredCommentAndTheWorkGoesPublic() throws IOException {
        String title = "偏方辨析 " + suffix();
        Map<String, Object> draft = ReviewedWorks.draft(title, List.of());
        draft.put("summary", "常见健康谣言的辨别方法。");
        draft.put("body", "夏季饮食要注意生熟分开。\n\n有人说某种偏方" + FLAGGED + "，这种说法没有科学依据。");
        String work = reviewed.create("ARTICLE", draft);
        String reviewCase = submit(work);

        signInToQueue("demo-reviewer-political");
        openFromQueue(work, "review-queue");
        WebElement mark = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test=review-body] mark[data-test=mark-FLAG]")));
        assertThat(mark.getText()).isEqualTo(FLAGGED);
        assertThat(text("screen-hits")).contains(FLAGGED).contains("这种说法");
        assertThat(chromium.driver.findElements(test("review-diff"))).isEmpty();
        screenshot("review-case");

        // A comment anchored to the passage the reviewer selects in the text.
        chromium.driver.executeScript("""
                const mark = arguments[0];
                const range = document.createRange();
                range.selectNodeContents(mark);
                const selection = document.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);""", mark);
        await("selection noticed").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            click("anchor-selection");
            return !chromium.driver.findElements(test("anchor")).isEmpty();
        });
        assertThat(text("anchor")).contains(FLAGGED);
        type("comment-text", "请删除绝对化的疗效说法。");
        click("comment-add");
        assertThat(text("pending-comments")).contains(FLAGGED).contains("请删除绝对化的疗效说法");
        click("verdict-APPROVE");
        screenshot("review-decision");
        click("decision-submit");
        awaitDecidedNotice();
        screenshot("review-queue-after-decision");

        signInToQueue("demo-reviewer-scientific");
        openFromQueue(work, null);
        // The first stage's decision is shown with its comment.
        assertThat(text("decision-POLITICAL")).contains("demo-reviewer-political").contains("请删除绝对化的疗效说法");
        click("verdict-APPROVE");
        click("decision-submit");
        awaitDecidedNotice();

        signInToQueue("demo-approver");
        openFromQueue(work, null);
        click("verdict-APPROVE");
        click("decision-submit");
        awaitDecidedNotice();
        assertThat(chromium.driver.findElements(test("queue-line-" + work))).isEmpty();

        await("public page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                anonymous.get().uri("/works/{id}", work).accept(MediaType.TEXT_HTML).exchange().returnResult(String.class)
                        .getStatus().value() == 200);
        Map<String, Object> decided = onlyCase(work);
        assertThat(decided.get("id")).isEqualTo(reviewCase);
        assertThat(decided.get("status")).isEqualTo("PUBLISHED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) decided.get("decisions");
        assertThat(decisions).extracting(decision -> decision.get("reviewer"))
                .containsExactly("demo-reviewer-political", "demo-reviewer-scientific", "demo-approver");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> comments = (List<Map<String, Object>>) decisions.get(0).get("comments");
        assertThat(comments).singleElement().satisfies(comment -> {
            assertThat(comment.get("quote")).isEqualTo(FLAGGED);
            assertThat(comment.get("seconds")).isNull();
            assertThat(comment.get("text")).isEqualTo("请删除绝对化的疗效说法。");
        });
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void anEditShowsItsChangesAndARejectionNeedsAReason() throws IOException {
        String work = reviewed.article("垃圾分类 " + suffix());
        reviewed.publish(work);
        Map<String, Object> edit = ReviewedWorks.draft("垃圾分类（修订）", List.of());
        edit.put("body", "夏季饮食要注意生熟分开，剩菜及时冷藏。\n\n过期药品属于有害垃圾。");
        reviewed.saveDraft(work, edit);
        submit(work);

        signInToQueue("demo-reviewer-political");
        openFromQueue(work, null);
        WebElement diff = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("review-diff")));
        assertThat(diff.findElements(By.tagName("ins"))).extracting(WebElement::getText)
                .anySatisfy(inserted -> assertThat(inserted).contains("过期药品属于有害垃圾"))
                .anySatisfy(inserted -> assertThat(inserted).contains("（修订）"));
        // Not colour alone: each insertion carries words a screen reader reads.
        assertThat((String) chromium.driver.executeScript("return arguments[0].querySelector(':scope > div ins').textContent", diff))
                .contains("[新增开始]");
        screenshot("review-diff");

        click("verdict-REJECT");
        click("decision-submit");
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("decision-error")))
                .getText()).contains("理由");
        assertThat(chromium.driver.getCurrentUrl()).contains("/console/review/cases/");
        screenshot("review-reason-required");
        assertThat(onlyOpenCase(work).get("status")).isEqualTo("IN_REVIEW");

        type("decision-reason", "修订内容与标题不符，不予通过。");
        click("decision-submit");
        awaitDecidedNotice();

        Map<String, Object> rejected = onlyOpenCase(work);
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) rejected.get("decisions");
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.get("verdict")).isEqualTo("REJECT");
            assertThat(decision.get("reason")).isEqualTo("修订内容与标题不符，不予通过。");
            assertThat(decision.get("reviewer")).isEqualTo("demo-reviewer-political");
        });
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    /** The case of the edit: the newest one (the first publication's case is there too). */
    private Map<String, Object> onlyOpenCase(String work) {
        return cases(work).stream().max((a, b) -> ((String) a.get("submittedAt")).compareTo((String) b.get("submittedAt")))
                .orElseThrow();
    }
}
