package org.kepu.platform;

import java.io.ByteArrayInputStream;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.core.publisher.Mono;

/** Composable index templates that the application owns and installs at start. */
public final class ElasticsearchTemplates {

    private ElasticsearchTemplates() {
    }

    /**
     * Installs {@code body} as template {@code name} unless the cluster holds the same or a newer {@code version}.
     *
     * @return the version that was replaced (-1 when there was none, 0 when it had no version); empty when nothing was installed
     */
    public static Mono<Long> installIfNewer(ElasticsearchAsyncClient elasticsearch, String name, byte[] body, long version) {
        return ElasticsearchCalls.call(() -> elasticsearch.indices().existsIndexTemplate(e -> e.name(name)))
                .flatMap(exists -> exists.value()
                        ? ElasticsearchCalls.call(() -> elasticsearch.indices().getIndexTemplate(g -> g.name(name)))
                                .map(found -> found.indexTemplates().isEmpty() || found.indexTemplates().get(0).indexTemplate().version() == null
                                        ? 0L : found.indexTemplates().get(0).indexTemplate().version())
                        : Mono.just(-1L))
                .filter(installed -> installed < version)
                .flatMap(installed -> ElasticsearchCalls.call(() -> elasticsearch.indices().putIndexTemplate(
                        t -> t.name(name).withJson(new ByteArrayInputStream(body)))).thenReturn(installed));
    }
}
