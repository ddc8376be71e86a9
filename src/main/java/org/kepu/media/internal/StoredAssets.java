package org.kepu.media.internal;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import java.util.Map;

import org.kepu.platform.AuditLog;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Marks a completely stored, accepted original STORED and queues its processing (short before long), in one transaction. */
@Component
class StoredAssets {

    private final AssetsTable assets;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    StoredAssets(AssetsTable assets, Jobs jobs, AuditLog audit, TransactionalOperator transaction) {
        this.assets = assets;
        this.jobs = jobs;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<MediaAsset> accept(MediaAssetId id, String detectedType, long size, Mono<Void> alsoInTransaction) {
        return assets.markStored(id, detectedType, size)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "media-asset-not-uploading", id)))
                .flatMap(asset -> alsoInTransaction
                        .then(jobs.enqueue(JobRequest.of(MediaAssets.PROCESS_JOB_KIND, "{\"asset\":\"" + id.id() + "\"}")
                                .withPriority(ProcessingPriority.forSize(size))))
                        .then(assets.uploader(id).flatMap(uploader -> audit.record(uploader, "media.stored", "media:" + id.id(),
                                Map.of("purpose", asset.purpose().name(), "type", detectedType, "bytes", size))))
                        .thenReturn(asset))
                .as(transaction::transactional);
    }
}
