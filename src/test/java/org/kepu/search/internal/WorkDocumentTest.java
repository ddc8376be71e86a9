package org.kepu.search.internal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkDocumentTest {

    @Test
    void anHtmlBodyIsKeptAsTextWithOneLinePerBlockAndEntitiesDecoded() {
        String html = "<h2>夏季</h2><p>剩菜要<b>冷藏</b>，&lt;script&gt; 只是文字。</p><ul><li>生熟分开</li><li>烧熟煮透</li></ul><p>第一行<br>第二行</p>";
        assertThat(WorkDocument.text(html)).isEqualTo("夏季\n剩菜要冷藏，<script> 只是文字。\n生熟分开\n烧熟煮透\n第一行\n第二行");
        assertThat(work(html).body()).isEqualTo(WorkDocument.text(html));
    }

    @Test
    void aTextBodyStaysAsItIsEvenWithAngleBrackets() {
        assertThat(work("PM2.5 < 35 微克时空气为优").body()).isEqualTo("PM2.5 < 35 微克时空气为优");
    }

    @Test
    void theHighlightMarkersCannotComeFromAWork() {
        assertThat(work("食品\uE000安全\uE001").body()).isEqualTo("食品安全");
    }

    @Test
    void suggestionsAreTheTitleTagsAndTopicNamesOnceEachAndShortEnough() {
        String longTitle = "长".repeat(60);
        assertThat(WorkDocument.suggestInputs(" 食品安全小常识 ", List.of("食品安全", "剩菜"), List.of("食品安全")).input())
                .containsExactly("食品安全小常识", "食品安全", "剩菜");
        assertThat(WorkDocument.suggestInputs(longTitle, null, null).input()).containsExactly("长".repeat(50));
    }

    @Test
    void theTitleCompletesInOneFieldTheTagsAndTopicNamesInAnotherAndPinyinSpellsBoth() {
        WorkDocument work = new WorkDocument("w", "食品安全小常识", null, "正文", List.of("剩菜", "CPR"), List.of("food-safety"),
                "ARTICLE", null, "nutrition", "市营养学会", null, Instant.EPOCH, 0L, null, 1L,
                WorkDocument.suggestInputs("食品安全小常识", List.of("剩菜", "CPR"), List.of("食品安全")));
        assertThat(work.suggest().input()).containsExactly("食品安全小常识");
        assertThat(work.suggestTerms().input()).containsExactly("剩菜", "CPR", "食品安全");
        assertThat(work.suggestPinyin().input()).startsWith("shipinanquanxiaochangshi 食品安全小常识", "spaqxcs 食品安全小常识")
                .allSatisfy(input -> assertThat(WorkDocument.pinyinTarget(input)).isEqualTo("食品安全小常识"));
        assertThat(work.suggestPinyinTerms().input()).startsWith("shengcai 剩菜", "sc 剩菜")
                .contains("spaq 食品安全", "shipinanquan 食品安全")
                .noneSatisfy(input -> assertThat(input).contains("CPR"));
        assertThat(WorkDocument.pinyinTarget("sportsscience sports science 运动")).isEqualTo("sports science 运动");
        assertThat(work("正文").suggestPinyinTerms()).as("no other inputs").isNull();
    }

    private static WorkDocument work(String body) {
        return new WorkDocument("w", "标题", "摘要", body, null, null, "ARTICLE", null, "kexie", "市科学技术协会", null,
                Instant.EPOCH, 0L, null, 1L, WorkDocument.suggestInputs("标题", null, null));
    }
}
