package org.kepu.search.internal.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pinyin completions of works published through the review chain: the indexing job spells the title, the tags
 * and the names of the topics, and {@code /api/search/suggest} completes initials and full pinyin to them.
 */
@KepuIntegrationTest
class PinyinSuggestionsIntegrationTest {

    @Autowired
    WebTestClient anonymous;

    @Test
    void publishedTitlesTagsAndTopicNamesCompleteFromPinyin() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String honey = publish(reviewed, "蜂蜜结晶辨真假", List.of("food-safety"), List.of("蜂蜜", "食品标签"));
        String bridge = publish(reviewed, "重庆长江大桥防汛演练", List.of("emergency"), List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> !suggest("fmjj").isEmpty() && !suggest("cqcj").isEmpty());

        assertThat(suggest("fmjj")).singleElement().satisfies(s -> {
            assertThat(s.get("text")).isEqualTo("蜂蜜结晶辨真假");
            assertThat(s.get("work")).isEqualTo(honey);
        });
        // The tag and the title of one work both complete: they are in fields of their own.
        assertThat(suggest("fengmi")).extracting(s -> s.get("text")).containsExactly("蜂蜜", "蜂蜜结晶辨真假");
        assertThat(suggest("Feng Mi")).isEqualTo(suggest("fengmi"));
        assertThat(suggest("spbq")).extracting(s -> s.get("text")).containsExactly("食品标签");
        // The topic's name, not only titles: 食品安全 is the name of food-safety.
        assertThat(suggest("shipinanq")).extracting(s -> s.get("text")).contains("食品安全");
        assertThat(suggest("spaq")).filteredOn(s -> s.get("text").equals("食品安全")).singleElement()
                .satisfies(s -> assertThat(s.get("work")).isNull());
        // 重 and 长 have two readings; the phrase dictionary reads 长江 as zhangjiang, the usual reading is offered too.
        for (String typed : List.of("chongqingchangjiang", "cqcj", "cqzj")) {
            assertThat(suggest(typed)).as(typed).extracting(s -> s.get("work")).containsExactly(bridge);
        }
        // Chinese input still completes directly, and nothing that is not pinyin is sent to the pinyin field.
        assertThat(suggest("蜂蜜")).extracting(s -> s.get("text")).containsExactly("蜂蜜", "蜂蜜结晶辨真假");
        assertThat(suggest("fmjj!")).isEmpty();
    }

    private static String publish(ReviewedWorks reviewed, String title, List<String> topics, List<String> tags) {
        Map<String, Object> draft = new HashMap<>(ReviewedWorks.draft(title, List.of()));
        draft.put("topics", topics);
        draft.put("tags", tags);
        String work = reviewed.create("ARTICLE", draft);
        reviewed.publish(work);
        return work;
    }

    private List<Map<String, Object>> suggest(String prefix) {
        return anonymous.get().uri(uri -> uri.path("/api/search/suggest").queryParam("prefix", "{p}").build(prefix)).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
    }
}
