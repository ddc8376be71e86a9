package org.kepu.review.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kepu.review.internal.TextDiff.Block;
import org.kepu.review.internal.TextDiff.Change;
import org.kepu.review.internal.TextDiff.Segment;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void charactersShowWhatEachVersionHas() {
        List<Segment> segments = TextDiff.characters("剩菜要及时冷藏", "剩菜应在两小时内冷藏");
        assertThat(version(segments, Change.REMOVED)).isEqualTo("剩菜要及时冷藏");
        assertThat(version(segments, Change.ADDED)).isEqualTo("剩菜应在两小时内冷藏");
        assertThat(segments.get(0)).isEqualTo(new Segment(Change.SAME, "剩菜"));
        assertThat(TextDiff.changed(segments)).isTrue();
        assertThat(TextDiff.changed(TextDiff.characters("相同", "相同"))).isFalse();
    }

    @Test
    void charactersOutsideTheBasicPlaneStayWhole() {
        List<Segment> segments = TextDiff.characters("𠮷野家", "𠮷野屋");
        assertThat(segments).containsExactly(new Segment(Change.SAME, "𠮷野"), new Segment(Change.REMOVED, "家"),
                new Segment(Change.ADDED, "屋"));
    }

    @Test
    void paragraphsPairEditsAndKeepUnrelatedOnesApart() {
        List<Block> blocks = TextDiff.paragraphs(
                List.of("地震来时先躲避。", "不要乘坐电梯。", "撤离到空旷地带。"),
                List.of("地震来时先躲避。", "千万不要乘坐电梯。", "家庭应常备应急包，定期检查食品和药品。", "撤离到空旷地带。"));
        assertThat(blocks).extracting(Block::change)
                .containsExactly(Change.SAME, Change.CHANGED, Change.ADDED, Change.SAME);
        assertThat(version(blocks.get(1).segments(), Change.ADDED)).isEqualTo("千万不要乘坐电梯。");

        List<Block> rewritten = TextDiff.paragraphs(List.of("碳达峰是指排放量达到峰值。"), List.of("今天天气很好，我们去公园。"));
        assertThat(rewritten).extracting(Block::change).containsExactly(Change.REMOVED, Change.ADDED);
    }

    @Test
    void bodiesAreReadAsTheParagraphsAReaderSees() {
        String html = "<h2>应急包</h2><p>准备<strong>饮用水</strong>和食物。</p><ul><li>手电筒</li><li>哨子</li></ul>"
                + "<figure><img src=\"/media/x/poster.jpg\" alt=\"应急包示意图\"><figcaption>图1</figcaption></figure>";
        assertThat(BlockText.paragraphs(html))
                .containsExactly("应急包", "准备饮用水和食物。", "手电筒", "哨子", "[图片：应急包示意图]", "图1");
        assertThat(BlockText.paragraphs("")).isEmpty();
    }

    private static String version(List<Segment> segments, Change only) {
        return segments.stream().filter(segment -> segment.change() == Change.SAME || segment.change() == only)
                .map(Segment::text).reduce("", String::concat);
    }
}
