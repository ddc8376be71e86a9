package org.kepu.media.internal;

import java.util.ArrayList;
import java.util.List;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaPurpose;
import org.kepu.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Small uploads through the API: the body streams to object storage in bounded parts. The type is
 * judged from the first part before anything is written; a refused or broken upload leaves no
 * object and no unfinished multipart upload behind.
 */
@Component
class StreamedUploads {

    private static final Logger log = LoggerFactory.getLogger(StreamedUploads.class);
    private static final java.time.Duration CANCEL_GRACE = java.time.Duration.ofSeconds(5);

    private final AssetsTable assets;
    private final StoredAssets stored;
    private final ObjectStore store;
    private final TypeSniffer sniffer;
    private final MediaProperties properties;
    private final ArchiveCheck archives;

    StreamedUploads(AssetsTable assets, StoredAssets stored, ObjectStore store, TypeSniffer sniffer, MediaProperties properties,
                    ArchiveCheck archives) {
        this.assets = assets;
        this.stored = stored;
        this.store = store;
        this.sniffer = sniffer;
        this.properties = properties;
        this.archives = archives;
    }

    Mono<MediaAsset> upload(MediaPurpose purpose, String fileName, String declaredType, long declaredLength,
                            Flux<DataBuffer> body, String user) {
        long limit = properties.limits(purpose).streamed().toBytes();
        if (declaredLength > limit) {
            return Mono.error(Parts.tooLarge(limit));
        }
        return assets.insert(purpose, FileNames.sanitize(fileName), declaredType, user)
                .flatMap(asset -> new Transfer(asset).run(Parts.of(body, (int) properties.streamPartSize().toBytes(), limit)));
    }

    /** One upload in flight: where its bytes went so far, so a failure can take them back. */
    private final class Transfer {

        private final MediaAsset asset;
        private final List<ObjectStore.UploadedPart> parts = new ArrayList<>();
        private volatile String multipartId;
        private String detectedType;
        private long size;

        Transfer(MediaAsset asset) {
            this.asset = asset;
        }

        Mono<MediaAsset> run(Flux<Parts.Part> body) {
            return body.index()
                    // An error of the body waits for the part in flight, so discard() knows everything that was written.
                    .concatMapDelayError(indexed -> indexed.getT1() == 0 ? first(indexed.getT2()) : next(indexed.getT2()), false, 1)
                    .then(Mono.defer(this::finish))
                    .then(Mono.defer(() -> archives.check(asset.objectKey(), detectedType, size)))
                    .then(Mono.defer(() -> stored.accept(asset.id(), detectedType, size, Mono.empty())))
                    .onErrorResume(error -> discard().then(reject(error)).then(Mono.error(error)))
                    // On cancel a storage call may still be under way: give it time to land, then sweep the key.
                    .doOnCancel(() -> Mono.delay(CANCEL_GRACE).then(discard()).then(assets.markAborted(asset.id(), "client went away"))
                            .subscribe(null, error -> log.warn("Cleanup of cancelled upload {} failed", asset.id(), error)));
        }

        private Mono<Void> first(Parts.Part part) {
            if (part.isEmpty()) {
                return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "media-empty"));
            }
            return sniffer.detect(part.data(), part.length()).flatMap(type -> {
                detectedType = type;
                if (!AcceptedTypes.accepts(asset.purpose(), type)) {
                    return Mono.error(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type-refused",
                            type, asset.purpose().name(), AcceptedTypes.describe(asset.purpose())));
                }
                size = part.length();
                if (part.length() < properties.streamPartSize().toBytes()) {
                    return store.put(asset.objectKey(), part.data(), part.length(), type);
                }
                return store.createMultipart(asset.objectKey())
                        .doOnNext(id -> multipartId = id)
                        .then(Mono.defer(() -> uploadPart(part)));
            });
        }

        private Mono<Void> next(Parts.Part part) {
            size += part.length();
            return uploadPart(part);
        }

        private Mono<Void> uploadPart(Parts.Part part) {
            return store.uploadPart(asset.objectKey(), multipartId, parts.size() + 1, part.data(), part.length())
                    .doOnNext(parts::add)
                    .then();
        }

        private Mono<Void> finish() {
            if (multipartId == null) {
                return Mono.empty();
            }
            return store.completeMultipart(asset.objectKey(), multipartId, parts);
        }

        private Mono<Void> discard() {
            Mono<Void> abort = multipartId == null ? Mono.empty() : store.abortMultipart(asset.objectKey(), multipartId);
            return abort.then(store.abortAllMultipart(asset.objectKey()))
                    .then(store.remove(asset.objectKey()))
                    .onErrorResume(error -> {
                        log.warn("Could not discard the object of refused upload {}", asset.id(), error);
                        return Mono.empty();
                    });
        }

        private Mono<Void> reject(Throwable error) {
            String reason = error instanceof ProblemException problem ? problem.code() : error.getClass().getSimpleName();
            return assets.markRejected(asset.id(), detectedType, reason);
        }
    }
}
