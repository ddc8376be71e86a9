package org.kepu.media.internal;

import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetProcessed;
import org.kepu.media.MediaAssets;
import org.kepu.media.internal.processing.CorruptMediaException;
import org.kepu.media.internal.processing.FfmpegRunner;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable job that processes a stored original. A corrupt file is final: the asset is
 * rejected and its original removed. Any other failure is retried by the job queue, and a rerun
 * starts the asset over (publishing overwrites the same keys).
 */
@Component
@ConditionalOnProperty(name = "kepu.media.processing.enabled", havingValue = "true", matchIfMissing = true)
class ProcessMediaJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ProcessMediaJob.class);

    private final AssetsTable assets;
    private final ProcessingTable processing;
    private final MediaPipeline pipeline;
    private final PublishedFiles files;
    private final FfmpegRunner runner;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    ProcessMediaJob(AssetsTable assets, ProcessingTable processing, MediaPipeline pipeline, PublishedFiles files,
                    FfmpegRunner runner, JsonMapper json, ApplicationEventPublisher events) {
        this.assets = assets;
        this.processing = processing;
        this.pipeline = pipeline;
        this.files = files;
        this.runner = runner;
        this.json = json;
        this.events = events;
    }

    @Override
    public String kind() {
        return MediaAssets.PROCESS_JOB_KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        MediaAssetId id = new MediaAssetId(UUID.fromString(json.readTree(job.payload()).get("asset").asString()));
        return processing.start(id)
                .filter(Boolean::booleanValue)
                .flatMap(started -> assets.find(id))
                .doOnNext(asset -> log.info("Processing media asset {} ({}, {})", id.id(), asset.purpose(), asset.detectedType()))
                .flatMap(asset -> runner.offload(() -> pipeline.process(asset))
                        .flatMap(facts -> processing.processed(id, facts))
                        .doOnSuccess(done -> log.info("Processed media asset {}", id.id()))
                        .then(Mono.fromRunnable(() -> events.publishEvent(new MediaAssetProcessed(id, asset.purpose()))))
                        .onErrorResume(CorruptMediaException.class, corrupt -> reject(id, asset.objectKey(), corrupt)))
                .then();
    }

    private Mono<Void> reject(MediaAssetId id, String objectKey, CorruptMediaException corrupt) {
        log.info("Media asset {} rejected while processing: {}", id.id(), corrupt.getMessage());
        return processing.rejected(id, corrupt.getMessage())
                .then(runner.offload(() -> {
                    files.removeOriginal(objectKey);
                    return true;
                }))
                .then();
    }
}
