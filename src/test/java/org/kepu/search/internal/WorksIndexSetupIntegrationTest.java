package org.kepu.search.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.platform.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up step that installs the template and the first index is safe to repeat, also at the same time. */
@KepuIntegrationTest
class WorksIndexSetupIntegrationTest {

    @Autowired
    WorksIndexSetup setup;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    SearchProperties properties;
    @Autowired
    AuditLog audit;
    @Autowired
    JsonMapper json;
    @Autowired
    WebTestClient anonymous;

    @Test
    void repeatedAndConcurrentRunsLeaveOneIndexBehindTheAliasAndTheCurrentTemplate() throws Exception {
        // The start created the alias's first index; a full reindex by another test may have moved it since.
        var before = elasticsearch.indices().getAlias(a -> a.name(properties.alias())).get().result().keySet();
        assertThat(before).singleElement().asString().startsWith(properties.indexPrefix());

        Flux.range(0, 4).flatMap(run -> setup.ensure()).blockLast();

        var aliases = elasticsearch.indices().getAlias(a -> a.name(properties.alias())).get().result();
        assertThat(aliases.keySet()).isEqualTo(before);
        var template = elasticsearch.indices().getIndexTemplate(t -> t.name(WorksIndexSetup.TEMPLATE)).get()
                .indexTemplates().get(0).indexTemplate();
        assertThat(template.version()).isEqualTo(3L);
        assertThat(template.indexPatterns()).containsExactly("works_v*");
    }

    @Test
    void anIndexMadeByTheVersion2TemplateGainsTheNewFieldsOnceAndAudited() throws Exception {
        // Version 2 of the template: the same analysis and mapping without suggestPinyin. The name is outside
        // works_v*, so the current template does not apply to it.
        String alias = "works_setup_it";
        String index = "setup_it_v1";
        ObjectNode template;
        try (InputStream in = new ClassPathResource("elasticsearch/index-templates/works.json").getInputStream()) {
            template = (ObjectNode) json.readTree(in).get("template");
        }
        ((ObjectNode) template.get("mappings").get("properties")).remove(List.of("suggestTerms", "suggestPinyin", "suggestPinyinTerms"));
        template.putObject("aliases").putObject(alias);
        byte[] body = json.writeValueAsBytes(template);
        elasticsearch.indices().create(c -> c.index(index).withJson(new ByteArrayInputStream(body))).get();

        WorksIndexSetup old = new WorksIndexSetup(elasticsearch,
                new SearchProperties(alias, "setup_it_v", Duration.ofSeconds(3), Duration.ofSeconds(30), 100, 1000, 0, Duration.ofSeconds(60)), audit, json);
        old.ensure().block();
        old.ensure().block();

        var mapping = elasticsearch.indices().getMapping(m -> m.index(index)).get().get(index).mappings();
        assertThat(mapping.properties().get("suggestPinyin").isCompletion()).isTrue();
        assertThat(mapping.properties().get("suggestPinyinTerms").isCompletion()).isTrue();
        assertThat(mapping.properties().get("suggestTerms").isCompletion()).isTrue();
        List<Map<String, Object>> entries = new ReviewedWorks(anonymous).as("admin").get()
                .uri("/api/admin/audit?subject=search-index:" + index).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("search.mapping-updated");
            assertThat(entry.get("actor")).isEqualTo("system");
            assertThat(String.valueOf(entry.get("details"))).contains("suggestPinyin,suggestPinyinTerms,suggestTerms");
        });

        // A document of the new version is accepted by the strict mapping.
        WorkDocument work = new WorkDocument("p1", "蜂蜜结晶辨真假", null, "结晶是葡萄糖析出。", List.of(), List.of(), "ARTICLE",
                List.of(), "kexie", "市科学技术协会", List.of(), java.time.Instant.EPOCH, 0L, null, 1L,
                WorkDocument.suggestInputs("蜂蜜结晶辨真假", List.of(), List.of()));
        assertThat(work.suggestPinyin().input()).contains("fmjjbzj 蜂蜜结晶辨真假");
        elasticsearch.index(i -> i.index(alias).id("p1").document(work).refresh(Refresh.True)).get();
        elasticsearch.indices().delete(d -> d.index(index)).get();
    }
}
