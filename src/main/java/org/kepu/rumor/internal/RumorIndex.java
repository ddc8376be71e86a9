package org.kepu.rumor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.kepu.platform.ElasticsearchCalls;
import org.kepu.platform.ElasticsearchTemplates;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code rumors} index: its template and first physical index, document writes, more-like-this candidates and
 * the analysed terms of texts and of indexed claims. Requests go through {@link ElasticsearchCalls}.
 */
@Component
class RumorIndex {

    static final String ALIAS = "rumors";
    static final String FIRST_INDEX = "rumors_v1";
    private static final String TEMPLATE = "kepu-rumors";
    private static final String TEMPLATE_RESOURCE = "elasticsearch/index-templates/rumors.json";
    private static final int CANDIDATES = 10;

    private final ElasticsearchAsyncClient elasticsearch;
    private final byte[] template;
    private final long templateVersion;

    RumorIndex(ElasticsearchAsyncClient elasticsearch, JsonMapper json) {
        this.elasticsearch = elasticsearch;
        try (InputStream in = new ClassPathResource(TEMPLATE_RESOURCE).getInputStream()) {
            this.template = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The index template " + TEMPLATE_RESOURCE + " is missing from the classpath", e);
        }
        this.templateVersion = json.readTree(template).path("version").asLong(0);
    }

    /** Installs the template when newer and creates the index behind the alias; true when the index was created now. */
    Mono<Boolean> ensure() {
        return ElasticsearchTemplates.installIfNewer(elasticsearch, TEMPLATE, template, templateVersion)
                .then(call(() -> elasticsearch.indices().existsAlias(a -> a.name(ALIAS))))
                .flatMap(exists -> exists.value() ? Mono.just(false)
                        : call(() -> elasticsearch.indices().create(c -> c.index(FIRST_INDEX).aliases(ALIAS, a -> a))).thenReturn(true)
                                .onErrorResume(RumorIndex::alreadyExists, error -> Mono.just(false)));
    }

    Mono<Void> write(RumorDocument document) {
        return call(() -> elasticsearch.index(i -> i.index(ALIAS).id(document.id()).document(document))).then();
    }

    /** Up to ten items whose claims share the most significant terms with {@code text}, best first. */
    Mono<List<RumorDocument>> candidates(String text, boolean publishedOnly) {
        Query like = Query.of(q -> q.moreLikeThis(m -> m.fields("claim", "claim.cjk").like(l -> l.text(text))
                .minTermFreq(1).minDocFreq(1).maxQueryTerms(50).minimumShouldMatch("1")));
        Query query = publishedOnly ? Query.of(q -> q.bool(b -> b.must(like).filter(f -> f.term(t -> t.field("published").value(true)))))
                : like;
        return call(() -> elasticsearch.search(s -> s.index(ALIAS).size(CANDIDATES).query(query), RumorDocument.class))
                .map(response -> response.hits().hits().stream().map(Hit::source).filter(java.util.Objects::nonNull).toList());
    }

    /** {@code text} analysed as the claims are. */
    Mono<ClaimTerms> terms(String text) {
        return analyze("claim", text).zipWith(analyze("claim.cjk", text)).map(both -> new ClaimTerms(both.getT1(), both.getT2()));
    }

    /** The analysed terms of indexed claims, by document id. */
    Mono<Map<String, ClaimTerms>> termsOf(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return call(() -> elasticsearch.mtermvectors(m -> m.index(ALIAS).ids(ids).fields("claim", "claim.cjk")
                        .termStatistics(false).fieldStatistics(false).positions(false).offsets(false).payloads(false)))
                .map(response -> {
                    Map<String, ClaimTerms> found = new LinkedHashMap<>();
                    response.docs().forEach(doc -> {
                        if (doc.termVectors() != null) {
                            found.put(doc.id(), new ClaimTerms(terms(doc.termVectors().get("claim")), terms(doc.termVectors().get("claim.cjk"))));
                        }
                    });
                    return found;
                });
    }

    private static Set<String> terms(co.elastic.clients.elasticsearch.core.termvectors.TermVector vector) {
        return vector == null ? Set.of() : new HashSet<>(vector.terms().keySet());
    }

    private Mono<Set<String>> analyze(String field, String text) {
        return call(() -> elasticsearch.indices().analyze(a -> a.index(ALIAS).field(field).text(text)))
                .map(response -> {
                    Set<String> tokens = new HashSet<>();
                    for (AnalyzeToken token : response.tokens()) {
                        tokens.add(token.token());
                    }
                    return tokens;
                });
    }

    private static boolean alreadyExists(Throwable error) {
        return error instanceof ElasticsearchException e && "resource_already_exists_exception".equals(e.error().type());
    }

    private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return ElasticsearchCalls.call(request);
    }
}
