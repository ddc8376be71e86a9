package org.kepu.search.internal;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

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
        assertThat(template.version()).isEqualTo(2L);
        assertThat(template.indexPatterns()).containsExactly("works_v*");
    }
}
