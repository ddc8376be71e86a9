package org.kepu.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.kepu.media.MediaAssets;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the sample works through the same path as a society's upload: each file is stored with its
 * type checked from the bytes, its work is created with the manifest's fields (owner, topics, credits),
 * and media processing is queued. Samples already imported are skipped, so a rerun after a crash
 * finishes the rest.
 */
@Component
@ConditionalOnProperty(name = "kepu.samples.enabled", havingValue = "true", matchIfMissing = true)
class ImportSamplesJob implements JobHandler {

    static final String KIND = "content.import-samples";
    private static final Logger log = LoggerFactory.getLogger(ImportSamplesJob.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final SampleProperties properties;
    private final MediaAssets media;
    private final WorkEditor editor;
    private final DatabaseClient database;
    private final JsonMapper json;
    private final ResourceLoader resources = new DefaultResourceLoader();

    ImportSamplesJob(SampleProperties properties, MediaAssets media, WorkEditor editor, DatabaseClient database, JsonMapper json) {
        this.properties = properties;
        this.media = media;
        this.editor = editor;
        this.database = database;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        return Mono.fromCallable(this::manifest)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(manifest -> Flux.fromIterable(manifest.works()))
                .concatMap(sample -> imported(sample.file()).flatMap(done -> done ? Mono.empty() : importOne(sample)))
                .then();
    }

    private Mono<Void> importOne(SampleManifest.Sample sample) {
        Resource file = resource(sample.file());
        var content = DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, READ_BUFFER)
                .subscribeOn(Schedulers.boundedElastic());
        return media.store(sample.purpose(), sample.fileName(), content, WorkEditor.SYSTEM)
                .flatMap(asset -> editor.create(new NewWork(sample.kind(), sample.organisation(), sample.draft(asset.id().id())),
                        WorkEditor.SYSTEM))
                .flatMap(work -> database.sql("INSERT INTO content_sample (file, work_id) VALUES (:file, :work)")
                        .bind("file", sample.file()).bind("work", work.id())
                        .then()
                        .doOnSuccess(done -> log.info("Imported sample work 《{}》 ({}, {})", work.draft().title(), sample.kind(), sample.file())));
    }

    private Mono<Boolean> imported(String file) {
        return database.sql("SELECT count(*) AS n FROM content_sample WHERE file = :file").bind("file", file)
                .map(row -> row.get("n", Long.class) > 0).one();
    }

    private SampleManifest manifest() {
        try (InputStream in = resource("manifest.json").getInputStream()) {
            return json.readValue(in, SampleManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample manifest at " + properties.location(), e);
        }
    }

    private Resource resource(String relative) {
        String base = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
        return resources.getResource(base + relative);
    }
}
