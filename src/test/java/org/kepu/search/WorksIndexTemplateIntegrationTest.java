package org.kepu.search;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index template operators install in production ({@code infra/elasticsearch}) is accepted
 * by the embedded node, and its analysis chain behaves the same: smartcn words, CJK bigrams,
 * and topic synonyms from the synonyms file at search time.
 */
@KepuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksIndexTemplateIntegrationTest {

    private static final String INDEX = "works_v900";

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @BeforeAll
    void installTemplateAndIndexWorks() throws Exception {
        try (InputStream template = new ClassPathResource("elasticsearch/index-templates/works.json").getInputStream()) {
            elasticsearch.indices().putIndexTemplate(t -> t.name("kepu-works").withJson(template)).get();
        }
        elasticsearch.indices().create(c -> c.index(INDEX)).get();
        index("1", "我国力争2060年前实现碳中和", "<p>节能减排，从身边做起</p>");
        index("2", "夏季食品安全小常识", "<p>剩饭剩菜要及时冷藏</p>");
        index("3", "地震来了怎么办", "<p>应急避险要点</p>");
    }

    @Test
    void theTemplateAppliesToNewWorksIndices() throws Exception {
        var mapping = elasticsearch.indices().getMapping(m -> m.index(INDEX)).get().get(INDEX).mappings();
        assertThat(mapping.properties().get("title").text().analyzer()).isEqualTo("kepu_text");
        assertThat(mapping.properties().get("title").text().searchAnalyzer()).isEqualTo("kepu_text_search");
        assertThat(mapping.properties().get("suggest").isCompletion()).isTrue();
    }

    @Test
    void wordsAreSegmentedAndHtmlIsStripped() throws Exception {
        assertThat(tokens("kepu_text", "<b>食品安全</b>从餐桌开始")).contains("食品", "安全", "餐桌").doesNotContain("b");
    }

    @Test
    void bigramsKeepPhrasesTheWordSegmenterSplits() throws Exception {
        assertThat(tokens("kepu_cjk", "双碳目标与全国科普日")).contains("双碳", "科普", "普日");
    }

    @Test
    void traditionalAndFullWidthCharactersFoldToSimplifiedAndHalfWidth() throws Exception {
        assertThat(tokens("kepu_text", "雙碳目標與應急管理")).isEqualTo(tokens("kepu_text", "双碳目标与应急管理"));
        assertThat(tokens("kepu_cjk", "雙碳")).containsExactly("双碳");
        assertThat(tokens("kepu_cjk", "ＰＭ２．５濃度")).isEqualTo(tokens("kepu_cjk", "PM2.5浓度"));
        // characters that are simplified text too stay as they are
        assertThat(tokens("kepu_cjk", "著名的乾隆")).contains("著名", "乾隆");
        assertThat(searchTitles("地震來了")).containsExactly("地震来了怎么办");
    }

    @Test
    void topicSynonymsFindWorksThatNeverSayTheQueryWord() throws Exception {
        assertThat(searchTitles("双碳")).containsExactly("我国力争2060年前实现碳中和");
        assertThat(searchTitles("食安")).containsExactly("夏季食品安全小常识");
    }

    @Test
    void suggestionsCompleteATypedPrefix() throws Exception {
        var response = elasticsearch.search(s -> s.index(INDEX)
                .suggest(g -> g.suggesters("title", f -> f.prefix("食品").completion(c -> c.field("suggest")))), Map.class).get();
        assertThat(response.suggest().get("title").get(0).completion().options())
                .extracting(option -> option.text())
                .containsExactly("食品安全");
    }

    private void index(String id, String title, String body) throws Exception {
        Map<String, Object> work = Map.of("id", id, "title", title, "body", body, "kind", "ARTICLE",
                "suggest", Map.of("input", title.contains("食品安全") ? List.of(title, "食品安全") : List.of(title)));
        elasticsearch.index(i -> i.index(INDEX).id(id).document(work).refresh(Refresh.True)).get();
    }

    private List<String> tokens(String analyzer, String text) throws Exception {
        return elasticsearch.indices().analyze(a -> a.index(INDEX).analyzer(analyzer).text(text)).get()
                .tokens().stream().map(AnalyzeToken::token).toList();
    }

    @SuppressWarnings("rawtypes")
    private List<String> searchTitles(String query) throws Exception {
        var response = elasticsearch.search(s -> s.index(INDEX)
                .query(q -> q.match(m -> m.field("title").query(query))), Map.class).get();
        return response.hits().hits().stream().map(hit -> (String) ((Map) hit.source()).get("title")).toList();
    }
}
