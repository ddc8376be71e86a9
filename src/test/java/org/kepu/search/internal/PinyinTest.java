package org.kepu.search.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinTest {

    @Test
    void fullPinyinAndInitialsComeFirstInTheReadingOfThePhrase() {
        List<String> forms = Pinyin.forms("食品安全");
        assertThat(forms.subList(0, 2)).containsExactly("shipinanquan", "spaq");
        assertThat(Pinyin.forms("银行卡").subList(0, 2)).containsExactly("yinhangka", "yhk");
    }

    @Test
    void otherReadingsOfTheFirstPolyphonicCharactersAreOfferedToo() {
        // pinyin4j's phrase dictionary reads 长江 as zhangjiang; changjiang must still complete.
        assertThat(Pinyin.forms("重庆长江")).contains("chongqingchangjiang", "cqcj");
        assertThat(Pinyin.forms("重庆长江")).hasSizeLessThanOrEqualTo(2 * Pinyin.COMBINATIONS);
        assertThat(Pinyin.forms("地震来了怎么办 长大了 行不行 重新 还是 朝阳 降落")).hasSizeLessThanOrEqualTo(2 * Pinyin.COMBINATIONS);
    }

    @Test
    void lettersAndDigitsStayWholeAndUmlautIsV() {
        assertThat(Pinyin.forms("PM2.5防护：戴口罩").subList(0, 2)).containsExactly("pm25fanghudaikouzhao", "pm25fhdkz");
        assertThat(Pinyin.forms("绿色出行").get(0)).isEqualTo("lvsechuxing");
    }

    @Test
    void textWithoutChineseHasNoPinyinAndLongSpellingsAreCut() {
        assertThat(Pinyin.forms("CPR AED")).isEmpty();
        assertThat(Pinyin.forms("")).isEmpty();
        assertThat(Pinyin.forms(null)).isEmpty();
        assertThat(Pinyin.forms("食品安全".repeat(10))).allSatisfy(form -> assertThat(form).hasSizeLessThanOrEqualTo(Pinyin.MAX_LENGTH));
    }

    @Test
    void typedPinyinIsFoldedAndAnythingElseIsNotPinyin() {
        assertThat(Pinyin.typed("Shi Pin")).isEqualTo("shipin");
        assertThat(Pinyin.typed("xi'an")).isEqualTo("xian");
        assertThat(Pinyin.typed("pm25")).isEqualTo("pm25");
        assertThat(Pinyin.typed("食品")).isNull();
        assertThat(Pinyin.typed("2025")).isNull();
        assertThat(Pinyin.typed("sp-aq")).isNull();
        assertThat(Pinyin.typed("  ")).isNull();
    }
}
