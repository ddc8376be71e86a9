package org.kepu.search.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ElasticsearchCalls;
import org.kepu.platform.ElasticsearchTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * At every start: installs the index template {@code kepu-works} unless the cluster already holds the same
 * or a newer version, creates the first physical index with the alias when the alias does not exist yet,
 * and adds the fields a newer template brought to the index behind the alias (an additive mapping update, so
 * that writes of the new version's documents are accepted before the next reindex). All steps are
 * idempotent, and an instance that loses a race to another one accepts the winner's index. Reindexing into
 * later indices is not done here.
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
    private final JsonMapper json;
    /** The template's field mappings by field name. */
    private final JsonNode fieldMappings;
    private final Set<String> fields;

    WorksIndexSetup(ElasticsearchAsyncClient elasticsearch, SearchProperties properties, AuditLog audit, JsonMapper json) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.audit = audit;
        try (InputStream in = new ClassPathResource(TEMPLATE_RESOURCE).getInputStream()) {
            this.template = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The index template " + TEMPLATE_RESOURCE + " is missing from the classpath", e);
        }
        var tree = json.readTree(template);
        this.templateVersion = tree.path("version").asLong(0);
        this.json = json;
        this.fieldMappings = tree.path("template").path("mappings").path("properties");
        this.fields = new TreeSet<>(fieldMappings.propertyNames());
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
        return installTemplate().then(ensureAlias()).then(addMissingFields());
    }

    private Mono<Void> installTemplate() {
        return ElasticsearchTemplates.installIfNewer(elasticsearch, TEMPLATE, template, templateVersion)
                .flatMap(installed -> audit.record("system", "search.template-installed", "search-template:" + TEMPLATE,
                                Map.of("version", templateVersion, "previousVersion", installed))
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

    /**
     * Fields of the template that an index behind the alias lacks (it was made by an older template) are added
     * with the template's mapping of those fields alone. Changes of existing fields (analysis, index options)
     * reach an index only through a full reindex; if Elasticsearch refuses the new fields, that is logged, not fatal.
     */
    private Mono<Void> addMissingFields() {
        return call(() -> elasticsearch.indices().getMapping(m -> m.index(properties.alias())))
                .flatMap(response -> {
                    Map<String, List<String>> missing = new LinkedHashMap<>();
                    response.result().forEach((index, state) -> {
                        Set<String> present = state.mappings() == null ? Set.of() : state.mappings().properties().keySet();
                        List<String> absent = fields.stream().filter(field -> !present.contains(field)).toList();
                        if (!absent.isEmpty()) {
                            missing.put(index, absent);
                        }
                    });
                    return Flux.fromIterable(missing.entrySet()).concatMap(index -> call(() -> elasticsearch.indices()
                                    .putMapping(p -> p.index(index.getKey()).withJson(new ByteArrayInputStream(mapping(index.getValue())))))
                            .then(audit.record("system", "search.mapping-updated", "search-index:" + index.getKey(),
                                    Map.of("fields", String.join(",", index.getValue()), "templateVersion", templateVersion)))
                            .doOnSuccess(done -> log.info("Added {} to the mapping of {}; existing works get them at the next reindex",
                                    index.getValue(), index.getKey()))
                            .onErrorResume(ElasticsearchException.class, refused -> {
                                log.warn("The mapping of {} cannot take template version {} ({}); run a full reindex",
                                        index.getKey(), templateVersion, refused.getMessage());
                                return Mono.empty();
                            })).then();
                });
    }

    /** {@code {"properties": {…}}} with the template's mapping of the given fields. */
    private byte[] mapping(List<String> names) {
        ObjectNode properties = json.createObjectNode();
        names.forEach(name -> properties.set(name, fieldMappings.get(name)));
        ObjectNode mapping = json.createObjectNode();
        mapping.set("properties", properties);
        return json.writeValueAsBytes(mapping);
    }

    private static boolean alreadyExists(Throwable error) {
        return error instanceof ElasticsearchException e && "resource_already_exists_exception".equals(e.error().type());
    }

    private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return ElasticsearchCalls.call(request);
    }
}
