package org.kepu.search.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.kepu.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * At every start: installs the index template {@code kepu-works} unless the cluster already holds the same
 * or a newer version, and creates the first physical index with the alias when the alias does not exist
 * yet. Both steps are idempotent, and an instance that loses a race to another one accepts the winner's
 * index. Reindexing into later indices is not done here.
 */
@Component
class WorksIndexSetup implements ApplicationRunner {

    static final String TEMPLATE = "kepu-works";
    private static final String TEMPLATE_RESOURCE = "elasticsearch/index-templates/works.json";
    private static final Logger log = LoggerFactory.getLogger(WorksIndexSetup.class);

    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchProperties properties;
    private final AuditLog audit;
    private final byte[] template;
    private final long templateVersion;

    WorksIndexSetup(ElasticsearchAsyncClient elasticsearch, SearchProperties properties, AuditLog audit, JsonMapper json) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.audit = audit;
        try (InputStream in = new ClassPathResource(TEMPLATE_RESOURCE).getInputStream()) {
            this.template = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The index template " + TEMPLATE_RESOURCE + " is missing from the classpath", e);
        }
        this.templateVersion = json.readTree(template).path("version").asLong(0);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ensure().block(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            log.warn("The search index could not be prepared ({}); trying again in the background", e.getMessage());
            ensure().retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(5)).maxBackoff(Duration.ofMinutes(5)))
                    .subscribe(null, error -> log.error("The search index could not be prepared", error));
        }
    }

    Mono<Void> ensure() {
        return installTemplate().then(ensureAlias());
    }

    private Mono<Void> installTemplate() {
        return call(() -> elasticsearch.indices().existsIndexTemplate(e -> e.name(TEMPLATE)))
                .flatMap(exists -> exists.value()
                        ? call(() -> elasticsearch.indices().getIndexTemplate(g -> g.name(TEMPLATE)))
                                .map(found -> found.indexTemplates().isEmpty() || found.indexTemplates().get(0).indexTemplate().version() == null
                                        ? 0L : found.indexTemplates().get(0).indexTemplate().version())
                        : Mono.just(-1L))
                .filter(installed -> installed < templateVersion)
                .flatMap(installed -> call(() -> elasticsearch.indices().putIndexTemplate(
                                t -> t.name(TEMPLATE).withJson(new ByteArrayInputStream(template))))
                        .then(audit.record("system", "search.template-installed", "search-template:" + TEMPLATE,
                                Map.of("version", templateVersion, "previousVersion", installed)))
                        .doOnSuccess(done -> log.info("Installed index template {} version {}", TEMPLATE, templateVersion)));
    }

    private Mono<Void> ensureAlias() {
        String alias = properties.alias();
        String index = properties.firstIndex();
        return call(() -> elasticsearch.indices().existsAlias(a -> a.name(alias)))
                .filter(exists -> !exists.value())
                .flatMap(missing -> call(() -> elasticsearch.indices().create(c -> c.index(index).aliases(alias, a -> a)))
                        .then(audit.record("system", "search.index-created", "search-index:" + index, Map.of("alias", alias)))
                        .doOnSuccess(done -> log.info("Created search index {} behind alias {}", index, alias))
                        .onErrorResume(WorksIndexSetup::alreadyExists, exists -> call(
                                () -> elasticsearch.indices().putAlias(p -> p.index(index).name(alias))).then()));
    }

    private static boolean alreadyExists(Throwable error) {
        return error instanceof ElasticsearchException e && "resource_already_exists_exception".equals(e.error().type());
    }

    private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return ElasticsearchCalls.call(request);
    }
}
