package org.kepu.console;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.kepu.ReviewedWorks;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewer screens' steps: the demo member submits a work, a reviewer signs in to the queue, opens the work's
 * case from it and waits for the notice that the decision was taken.
 */
abstract class ReviewQueueBrowserTest extends ConsoleBrowserTest {

    String submit(String work) {
        return (String) reviewed.as("demo-society-member").post().uri("/api/works/{id}/submissions", work).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    List<Map<String, Object>> cases(String work) {
        return reviewed.as("demo-editor").get().uri("/api/works/{id}/cases", work).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
    }

    Map<String, Object> onlyCase(String work) {
        List<Map<String, Object>> all = cases(work);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    void signInToQueue(String username) {
        sendSignIn("/console/sign-in?next=/review", username, ReviewedWorks.DEMO_PASSWORD);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=review-queue], [data-test=queue-empty]")));
    }

    /** Opens the case of {@code work} from the queue, after a screenshot of the queue unless {@code screenshot} is null. */
    void openFromQueue(String work, String screenshot) throws IOException {
        WebElement line = waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("queue-line-" + work)));
        if (screenshot != null) {
            screenshot(screenshot);
        }
        line.findElement(test("queue-open")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("decision")));
    }

    void awaitDecidedNotice() {
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(test("review-decided")));
        assertThat(chromium.driver.getCurrentUrl()).contains("/console/review");
    }
}
