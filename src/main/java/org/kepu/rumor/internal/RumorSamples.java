package org.kepu.rumor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.kepu.platform.PlatformProperties;
import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.PublicRumorColumn;
import org.kepu.rumor.RumorVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start of an embedded installation, publishes {@code content-samples/rumors.json}: its columns, items
 * (with the 二审 expert the sample names, as the platform's own demonstration text) and lists. One item per
 * transaction with its marker row, so a rerun after a crash imports only the rest and an item an editor removed never
 * comes back. Off with {@code kepu.rumor.samples=false}, which follows {@code kepu.samples.enabled} unless set.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "kepu.rumor.samples", havingValue = "true", matchIfMissing = true)
class RumorSamples implements JobHandler {

    static final String KIND = "rumor.import-samples";
    static final String LOCATION = "content-samples/rumors.json";
    static final int MANIFEST_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(RumorSamples.class);
    private static final Actor SYSTEM = new Actor("system", Set.of(Role.EDITOR), null);

    record Manifest(int version, List<PublicRumorColumn> columns, List<Sample> items, List<SampleList> lists) {
    }

    record Sample(String slug, String claim, List<PublicRumor.Appearance> appearances, LocalDate firstSeen, RumorVerdict verdict,
                  String truth, String explanation, List<PublicRumor.Evidence> evidence, List<String> topics, String column,
                  String signedBy, PublicRumor.SigningExpert expert) {

        RumorForm form() {
            return new RumorForm(slug, claim, appearances, firstSeen, verdict, truth, explanation, evidence, topics, column, null);
        }
    }

    record SampleList(String kind, String period, String title, List<String> items) {
    }

    private final PlatformProperties platform;
    private final DatabaseClient database;
    private final Jobs jobs;
    private final RumorEditor editor;
    private final RumorItemsTable items;
    private final RumorDecisionsTable decisions;
    private final RumorColumnsTable columns;
    private final RumorListsTable lists;
    private final RumorPublication publication;
    private final JsonMapper json;
    private final TransactionalOperator transaction;

    RumorSamples(PlatformProperties platform, DatabaseClient database, Jobs jobs, RumorEditor editor, RumorItemsTable items,
                 RumorDecisionsTable decisions, RumorColumnsTable columns, RumorListsTable lists, RumorPublication publication,
                 JsonMapper json, TransactionalOperator transaction) {
        this.platform = platform;
        this.database = database;
        this.jobs = jobs;
        this.editor = editor;
        this.items = items;
        this.decisions = decisions;
        this.columns = columns;
        this.lists = lists;
        this.publication = publication;
        this.json = json;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    Mono<Void> queueOnFirstStart() {
        if (platform.postgres().external()) {
            return Mono.empty();
        }
        return database.sql("INSERT INTO rumor_sample_import (manifest_version) VALUES (:version) ON CONFLICT DO NOTHING")
                .bind("version", MANIFEST_VERSION).fetch().rowsUpdated()
                .filter(inserted -> inserted == 1)
                .flatMap(first -> jobs.enqueue(JobRequest.of(KIND, "{}").withPriority(10)))
                .doOnNext(job -> log.info("First start: publishing the sample rumor library (job {})", job.value()))
                .as(transaction::transactional)
                .then();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        return Mono.fromCallable(this::manifest).subscribeOn(Schedulers.boundedElastic())
                .flatMap(manifest -> Flux.fromIterable(manifest.columns()).concatMap(columns::save).then()
                        .then(Flux.fromIterable(manifest.items()).concatMap(this::importOnce).then())
                        .then(importLists(manifest.lists())));
    }

    private Mono<Void> importOnce(Sample sample) {
        return database.sql("SELECT count(*) AS n FROM rumor_sample WHERE slug = :slug").bind("slug", sample.slug())
                .map(row -> row.get("n", Long.class) > 0).one()
                .flatMap(done -> done ? Mono.<Void>empty() : importOne(sample));
    }

    private Mono<Void> importOne(Sample sample) {
        return editor.create(sample.form(), SYSTEM)
                .flatMap(id -> items.submit(id, RumorStage.SCIENTIFIC, "[]", SYSTEM.username())
                        .then(decisions.insert(id, new RumorDecision(1, RumorStage.SCIENTIFIC, RumorReviewVerdict.APPROVE, null,
                                sample.signedBy(), sample.expert().name(), sample.expert().title(), null)))
                        .then(publication.publish(id, "samples"))
                        .then(database.sql("INSERT INTO rumor_sample (slug, item_id) VALUES (:slug, :item)")
                                .bind("slug", sample.slug()).bind("item", id).then()))
                .as(transaction::transactional)
                .doOnSuccess(done -> log.info("Published sample rumor item {}", sample.slug()));
    }

    private Mono<Void> importLists(List<SampleList> samples) {
        return database.sql("SELECT slug, item_id FROM rumor_sample WHERE item_id IS NOT NULL")
                .map(row -> Map.entry(row.get("slug", String.class), row.get("item_id", UUID.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .flatMap(ids -> Flux.fromIterable(samples).concatMap(list -> lists.find(list.kind(), list.period()).hasElement()
                        .flatMap(exists -> exists ? Mono.<Void>empty() : lists.save(new RumorList(list.kind(), list.period(), list.title(),
                                list.items().stream().map(ids::get).filter(java.util.Objects::nonNull).toList(), true, SYSTEM.username(), null))))
                        .then());
    }

    private Manifest manifest() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return json.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The sample rumor library " + LOCATION + " cannot be read", e);
        }
    }
}
