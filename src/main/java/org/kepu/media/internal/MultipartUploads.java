package org.kepu.media.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaPurpose;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Large uploads: the client sends parts straight to object storage with presigned URLs, can list
 * what arrived and resume, then completes. Completion checks the parts, the size and the type of the
 * assembled object; a refused object is deleted. A completion that misses a part or names a wrong
 * ETag changes nothing: the upload stays open for the missing parts until it expires.
 */
@Component
class MultipartUploads {

    private static final int MAX_PARTS = 10_000;
    private static final long MB = 1024 * 1024;

    record Started(UUID upload, MediaAssetId asset, long partSize, int partCount, Instant expiresAt) {
    }

    record PartUrl(int number, String method, String url, Instant expiresAt) {
    }

    record ClientPart(int number, String etag) {
    }

    private final AssetsTable assets;
    private final UploadsTable uploads;
    private final StoredAssets stored;
    private final ObjectStore store;
    private final TypeSniffer sniffer;
    private final MediaProperties properties;
    private final ArchiveCheck archives;

    MultipartUploads(AssetsTable assets, UploadsTable uploads, StoredAssets stored, ObjectStore store, TypeSniffer sniffer,
                     MediaProperties properties, ArchiveCheck archives) {
        this.assets = assets;
        this.uploads = uploads;
        this.stored = stored;
        this.store = store;
        this.sniffer = sniffer;
        this.properties = properties;
        this.archives = archives;
    }

    Mono<Started> start(MediaPurpose purpose, String fileName, long size, String declaredType, String user) {
        long limit = properties.limits(purpose).multipart().toBytes();
        if (size <= 0) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "media-empty"));
        }
        if (size > limit) {
            return Mono.error(Parts.tooLarge(limit));
        }
        long partSize = partSize(size);
        int partCount = (int) ((size + partSize - 1) / partSize);
        Instant expiresAt = Instant.now().plus(properties.uploadExpiry());
        return assets.insert(purpose, FileNames.sanitize(fileName), declaredType, user)
                .flatMap(asset -> store.createMultipart(asset.objectKey())
                        .flatMap(s3Id -> uploads.insert(asset.id(), s3Id, size, partSize, partCount, properties.uploadExpiry())
                                .onErrorResume(error -> store.abortMultipart(asset.objectKey(), s3Id).then(Mono.error(error))))
                        .map(id -> new Started(id, asset.id(), partSize, partCount, expiresAt)));
    }

    Flux<ObjectStore.UploadedPart> parts(UUID id, String user) {
        return open(id, user).flatMapMany(upload -> store.listParts(upload.objectKey(), upload.s3UploadId()));
    }

    Mono<PartUrl> partUrl(UUID id, int number, String user) {
        int expiry = (int) properties.partUrlExpiry().toSeconds();
        return open(id, user)
                .flatMap(upload -> {
                    if (number < 1 || number > upload.partCount()) {
                        return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "media-part-number-invalid",
                                number, upload.partCount()));
                    }
                    return store.presignPartUpload(upload.objectKey(), upload.s3UploadId(), number, expiry);
                })
                .map(url -> new PartUrl(number, "PUT", url, Instant.now().plusSeconds(expiry)));
    }

    Mono<MediaAsset> complete(UUID id, List<ClientPart> claimed, String user) {
        return open(id, user)
                .then(uploads.move(id, "UPLOADING", "COMPLETING", true))
                .switchIfEmpty(Mono.error(() -> closed(id)))
                .flatMap(upload -> store.listParts(upload.objectKey(), upload.s3UploadId()).collectList()
                        .flatMap(present -> checkParts(upload, claimed, present))
                        .onErrorResume(ProblemException.class, error -> error.status() == HttpStatus.CONFLICT
                                ? uploads.setStatus(id, "UPLOADING").then(Mono.error(error))
                                : Mono.error(error))
                        .flatMap(parts -> assemble(upload, parts)));
    }

    Mono<Void> abort(UUID id, String user) {
        return open(id, user)
                .then(uploads.move(id, "UPLOADING", "ABORTING", false))
                .switchIfEmpty(Mono.error(() -> closed(id)))
                .flatMap(upload -> discard(upload, "ABORTED").then(assets.markAborted(upload.asset(), "aborted by the uploader")));
    }

    /** Gives up an upload: no object and no unfinished multipart upload remain. */
    Mono<Void> discard(UploadsTable.Upload upload, String finalStatus) {
        return store.abortMultipart(upload.objectKey(), upload.s3UploadId())
                .then(store.remove(upload.objectKey()))
                .then(uploads.setStatus(upload.id(), finalStatus));
    }

    private Mono<List<ObjectStore.UploadedPart>> checkParts(UploadsTable.Upload upload, List<ClientPart> claimed,
                                                            List<ObjectStore.UploadedPart> present) {
        Map<Integer, ObjectStore.UploadedPart> stored = present.stream()
                .collect(Collectors.toMap(ObjectStore.UploadedPart::number, Function.identity(), (a, b) -> b));
        Map<Integer, String> client = claimed.stream()
                .collect(Collectors.toMap(ClientPart::number, part -> ETags.normalize(part.etag()), (a, b) -> b));
        List<Integer> missing = IntStream.rangeClosed(1, upload.partCount())
                .filter(n -> !stored.containsKey(n) || !client.containsKey(n)).boxed().toList();
        if (!missing.isEmpty()) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "media-upload-parts-missing", join(missing)));
        }
        List<Integer> mismatched = IntStream.rangeClosed(1, upload.partCount())
                .filter(n -> !stored.get(n).etag().equals(client.get(n))).boxed().toList();
        if (!mismatched.isEmpty()) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "media-upload-etag-mismatch", join(mismatched)));
        }
        return Mono.just(IntStream.rangeClosed(1, upload.partCount()).mapToObj(stored::get).toList());
    }

    private Mono<MediaAsset> assemble(UploadsTable.Upload upload, List<ObjectStore.UploadedPart> parts) {
        long size = parts.stream().mapToLong(ObjectStore.UploadedPart::size).sum();
        long limit = properties.limits(upload.purpose()).multipart().toBytes();
        if (size > limit) {
            return refuse(upload, null, Parts.tooLarge(limit));
        }
        if (size != upload.declaredSize()) {
            return refuse(upload, null, new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "media-size-mismatch",
                    Long.toString(size), Long.toString(upload.declaredSize())));
        }
        return store.completeMultipart(upload.objectKey(), upload.s3UploadId(), parts)
                .then(store.head(upload.objectKey(), TypeSniffer.HEAD_BYTES))
                .flatMap(head -> sniffer.detect(head, head.length))
                .flatMap(type -> AcceptedTypes.accepts(upload.purpose(), type)
                        ? archives.check(upload.objectKey(), type, size)
                                .onErrorResume(ProblemException.class, problem -> refuse(upload, type, problem).then())
                                .then(stored.accept(upload.asset(), type, size, uploads.setStatus(upload.id(), "COMPLETED")))
                        : refuse(upload, type, new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type-refused",
                                type, upload.purpose().name(), AcceptedTypes.describe(upload.purpose()))));
    }

    private Mono<MediaAsset> refuse(UploadsTable.Upload upload, String detectedType, ProblemException problem) {
        return discard(upload, "REJECTED")
                .then(assets.markRejected(upload.asset(), detectedType, problem.code()))
                .then(Mono.error(problem));
    }

    private Mono<UploadsTable.Upload> open(UUID id, String user) {
        return uploads.findOwned(id, user)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "media-upload-not-found", id)))
                .flatMap(upload -> upload.status().equals("UPLOADING") && upload.expiresAt().toInstant().isAfter(Instant.now())
                        ? Mono.just(upload) : Mono.error(closed(id)));
    }

    private long partSize(long size) {
        long configured = properties.uploadPartSize().toBytes();
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        return needed <= configured ? configured : (needed + MB - 1) / MB * MB;
    }

    private static ProblemException closed(UUID id) {
        return new ProblemException(HttpStatus.CONFLICT, "media-upload-closed", id);
    }

    private static String join(List<Integer> numbers) {
        return numbers.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                + (numbers.size() > 20 ? " …" : "");
    }
}
