package org.kepu.review.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenResult;
import org.kepu.review.ScreenedField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SensitiveWordScreenTest {

    static final Path SEEDS = Path.of("src/main/resources/db/migration/review/V2026_11_23_50__sensitive_words.sql");

    private final CompiledDictionary dictionary = CompiledDictionary.of(List.of(
            word(1, "出售冰毒", WordLevel.BLOCK),
            word(2, "网络赌博", WordLevel.BLOCK),
            word(3, "包治百病", WordLevel.FLAG),
            word(4, "神药", WordLevel.FLAG),
            word(5, "100%有效", WordLevel.FLAG),
            word(6, "零风险", WordLevel.FLAG),
            word(7, "赌博", WordLevel.FLAG),
            word(8, "VPN", WordLevel.FLAG),
            word(9, "精神药物", WordLevel.ALLOW)));

    @Test
    void aHitHasItsWordLevelOffsetsAndContext() {
        String text = "夏季到了，有人在朋友圈宣传一种“包治百病”的保健品，声称可以替代药物治疗高血压，这种说法没有科学依据。";

        ScreenResult result = screen(text);

        assertThat(result.blocked()).isFalse();
        assertThat(result.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.word()).isEqualTo("包治百病");
            assertThat(hit.matched()).isEqualTo("包治百病");
            assertThat(hit.level()).isEqualTo(ScreenLevel.FLAG);
            assertThat(hit.field()).isEqualTo("text");
            assertThat(hit.start()).isEqualTo(text.indexOf("包治百病"));
            assertThat(hit.end()).isEqualTo(hit.start() + 4);
            assertThat(hit.before()).isEqualTo("季到了，有人在朋友圈宣传一种“");
            assertThat(hit.after()).isEqualTo("”的保健品，声称可以替代药物治");
            assertThat(hit.before()).hasSize(15);
            assertThat(hit.after()).hasSize(15);
            assertThat(hit.context()).isEqualTo(hit.before() + "包治百病" + hit.after());
        });
    }

    @Test
    void contextStopsAtTheEdgesOfTheText() {
        assertThat(screen("神药").hits()).singleElement()
                .satisfies(hit -> assertThat(hit.before() + "|" + hit.after()).isEqualTo("|"));
    }

    @Test
    void aBlockHitStopsTheWorkAFlagHitOnlyWarns() {
        ScreenResult flagged = screen("所谓神药并不存在。");
        ScreenResult blocked = screen("群里有人出售冰毒，还推荐所谓神药。");

        assertThat(flagged.blocked()).isFalse();
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.hits()).extracting(ScreenHit::word, ScreenHit::level)
                .containsExactly(tuple("出售冰毒", ScreenLevel.BLOCK), tuple("神药", ScreenLevel.FLAG));
        assertThat(blocked.hits(ScreenLevel.BLOCK)).hasSize(1);
    }

    @Test
    void aFlagWordInsideABlockWordIsReportedToo() {
        assertThat(screen("警惕网络赌博").hits()).extracting(ScreenHit::word, ScreenHit::level, ScreenHit::start)
                .containsExactly(tuple("网络赌博", ScreenLevel.BLOCK, 2), tuple("赌博", ScreenLevel.FLAG, 4));
    }

    @Test
    void separatorsWidthCaseAndTraditionalCharactersDoNotHideAWord() {
        assertThat(screen("这款 包 治 百 病 的药").hits()).singleElement().satisfies(hit -> {
            assertThat(hit.word()).isEqualTo("包治百病");
            assertThat(hit.matched()).isEqualTo("包 治 百 病");
            assertThat(hit.start()).isEqualTo(3);
            assertThat(hit.end()).isEqualTo(10);
        });
        assertThat(words("包*治*百*病、包\u200b治百病、包。治。百。病")).containsExactly("包治百病", "包治百病", "包治百病");
        assertThat(words("号称１００％有效，或者 100 % 有效")).containsExactly("100%有效", "100%有效");
        assertThat(words("投资零風險")).containsExactly("零风险");
        assertThat(hits("翻墙用ｖｐｎ，或者Vpn")).extracting(ScreenHit::matched).containsExactly("ｖｐｎ", "Vpn");
    }

    @Test
    void englishWordsHitOnlyAsWholeWords() {
        assertThat(words("VPNs and myvpn are not vpn")).containsExactly("VPN");
    }

    @Test
    void theAllowListKeepsOrdinaryWordsFromHitting() {
        assertThat(screen("精神药物需要在医生指导下使用。").hits()).isEmpty();
        assertThat(words("精神药物不是神药。")).containsExactly("神药");
    }

    @Test
    void htmlIsScreenedOnItsTextWithEntitiesDecoded() {
        String html = "<h1>辟谣</h1><p>所谓&ldquo;<strong>神</strong>药&rdquo;&nbsp;并不存在</p><ul><li>包治&amp;百病</li></ul>";

        ScreenResult result = dictionary.screen(List.of(ScreenedField.plain("title", "辟谣：没有神药"),
                ScreenedField.html("body", html)), 15);

        String text = ScreenText.fromHtml(html);
        assertThat(text).isEqualTo("辟谣\n所谓“神药” 并不存在\n包治&百病");
        assertThat(result.hits()).extracting(ScreenHit::field, ScreenHit::word, ScreenHit::matched, ScreenHit::start, ScreenHit::end)
                .containsExactly(
                        tuple("title", "神药", "神药", 5, 7),
                        tuple("body", "神药", "神药", 6, 8),
                        tuple("body", "包治百病", "包治&百病", 15, 20));
        assertThat(result.hits().get(1).before()).isEqualTo("辟谣\n所谓“");
        assertThat(text.substring(15, 20)).isEqualTo("包治&百病");
    }

    @Test
    void htmlWithoutTagsAndScriptsReadsAsText() {
        assertThat(ScreenText.fromHtml("<p>第一段<br>第二行</p><script>var s = '神药';</script><div>  第三段 </div>"))
                .isEqualTo("第一段\n第二行\n第三段");
        assertThat(ScreenText.fromHtml("")).isEmpty();
    }

    @Test
    void longTextsAreScreenedInWindowsWithoutLosingOrRepeatingHits() {
        int window = WordMatcher.WINDOW;
        StringBuilder text = new StringBuilder();
        while (text.length() < 20_000) {
            text.append("科学普及是实现创新发展的重要基础性工作。");
        }
        List<Integer> planted = List.of(window - 2, 2 * window - 1, 4 * window, 5 * window + 100, text.length() - 4);
        planted.forEach(at -> text.replace(at, at + 4, "包治百病"));
        // An allowed word that starts before a window and covers a word that starts inside it.
        text.replace(3 * window - 1, 3 * window + 3, "精神药物");

        List<ScreenHit> hits = screen(text.toString()).hits();

        assertThat(hits).extracting(ScreenHit::start).containsExactlyElementsOf(planted);
        assertThat(hits).allSatisfy(hit -> assertThat(hit.matched()).isEqualTo("包治百病"));
    }

    @Test
    void theStarterDictionaryStopsNoneOfTheSampleTexts() throws IOException {
        CompiledDictionary starter = CompiledDictionary.of(seeds());
        List<ScreenHit> hits = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("content-samples/texts"))) {
            for (Path file : files.sorted().toList()) {
                hits.addAll(starter.screen(List.of(ScreenedField.plain(file.getFileName().toString(), Files.readString(file))), 15).hits());
            }
        }
        assertThat(hits).as("sample texts are ordinary science writing").isEmpty();
        assertThat(starter.screen(List.of(ScreenedField.plain("text", "此药包治百病，可以根治高血压，群里还有人出售冰毒")), 15)
                .hits()).extracting(ScreenHit::word).containsExactly("包治百病", "根治", "出售冰毒");
    }

    @Test
    void everySeedCarriesTheKeyTheScreenComputes() throws IOException {
        assertThat(seeds()).hasSizeGreaterThan(15)
                .allSatisfy(seed -> assertThat(seedKey(seed.word())).isEqualTo(WordKeys.key(seed.word())));
    }

    @Test
    void spellingsOfOneWordShareAKey() {
        assertThat(WordKeys.key(" 零風險 ")).isEqualTo(WordKeys.key("零风险")).isEqualTo("零风险");
        assertThat(WordKeys.key("ＡＢＣ-1")).isEqualTo("abc1");
        assertThat(WordKeys.key("100 % 有效")).isEqualTo("100有效");
        assertThat(WordKeys.key("、。！")).isEmpty();
    }

    private ScreenResult screen(String text) {
        return dictionary.screen(List.of(ScreenedField.plain("text", text)), 15);
    }

    private List<ScreenHit> hits(String text) {
        return screen(text).hits();
    }

    private List<String> words(String text) {
        return hits(text).stream().map(ScreenHit::word).toList();
    }

    private static SensitiveWord word(long id, String word, WordLevel level) {
        return new SensitiveWord(id, word, level, "", "test", OffsetDateTime.now());
    }

    private static final Pattern SEED = Pattern.compile("(?m)^\\s*\\('([^']+)',\\s*'([^']+)',\\s*'(BLOCK|FLAG|ALLOW)'");

    static List<SensitiveWord> seeds() throws IOException {
        List<SensitiveWord> seeds = new ArrayList<>();
        Matcher matcher = SEED.matcher(Files.readString(SEEDS));
        while (matcher.find()) {
            seeds.add(word(seeds.size() + 1, matcher.group(1), WordLevel.valueOf(matcher.group(3))));
        }
        return seeds;
    }

    private static String seedKey(String word) throws IOException {
        Matcher matcher = SEED.matcher(Files.readString(SEEDS));
        while (matcher.find()) {
            if (matcher.group(1).equals(word)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError(word);
    }
}
