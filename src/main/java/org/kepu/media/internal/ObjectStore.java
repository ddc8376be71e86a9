package org.kepu.media.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListPartsArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.UploadPartArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.ListPartsResult;
import io.minio.messages.Part;
import org.kepu.platform.StorageBucket;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The media bucket through the MinIO SDK. Calls are started on a bounded elastic thread (the SDK
 * prepares requests synchronously) and complete on the HTTP client's threads.
 */
@Component
class ObjectStore {

    record UploadedPart(int number, String etag, long size) {
    }

    private final MinioAsyncClient client;
    private final String bucket;

    ObjectStore(MinioAsyncClient client, StorageBucket bucket) {
        this.client = client;
        this.bucket = bucket.name();
    }

    Mono<Void> put(String key, byte[] data, int length, String contentType) {
        return call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .data(data, length).contentType(contentType).build())).then();
    }

    Mono<String> createMultipart(String key) {
        return call(() -> client.createMultipartUpload(CreateMultipartUploadArgs.builder().bucket(bucket).object(key).build()))
                .map(response -> response.result().uploadId());
    }

    Mono<UploadedPart> uploadPart(String key, String uploadId, int number, byte[] data, int length) {
        return call(() -> client.uploadPart(UploadPartArgs.builder().bucket(bucket).object(key)
                .uploadId(uploadId).partNumber(number).data(data, length).build()))
                .map(response -> new UploadedPart(number, ETags.normalize(response.part().etag()), length));
    }

    Mono<Void> completeMultipart(String key, String uploadId, List<UploadedPart> parts) {
        Part[] s3Parts = parts.stream().map(part -> new Part(part.number(), part.etag())).toArray(Part[]::new);
        return call(() -> client.completeMultipartUpload(CompleteMultipartUploadArgs.builder().bucket(bucket).object(key)
                .uploadId(uploadId).parts(s3Parts).build())).then();
    }

    /** Aborting an upload that no longer exists is not an error. */
    Mono<Void> abortMultipart(String key, String uploadId) {
        return call(() -> client.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(bucket).object(key)
                .uploadId(uploadId).build()))
                .then()
                .onErrorResume(ObjectStore::isNoSuchUpload, error -> Mono.empty());
    }

    /** Aborts every unfinished multipart upload of a key, including one whose id the caller never learned. */
    Mono<Void> abortAllMultipart(String key) {
        return call(() -> client.listMultipartUploads(ListMultipartUploadsArgs.builder().bucket(bucket).prefix(key).build()))
                .flatMapIterable(response -> response.result().uploads() == null ? List.of() : response.result().uploads())
                .filter(upload -> key.equals(upload.objectName()))
                .concatMap(upload -> abortMultipart(key, upload.uploadId()))
                .then();
    }

    Flux<UploadedPart> listParts(String key, String uploadId) {
        return listPartsAfter(key, uploadId, 0)
                .expand(page -> page.isTruncated() ? listPartsAfter(key, uploadId, page.nextPartNumberMarker()) : Mono.empty())
                .concatMapIterable(page -> page.parts() == null ? List.<Part>of() : page.parts())
                .map(part -> new UploadedPart(part.partNumber(), ETags.normalize(part.etag()), part.partSize()));
    }

    private Mono<ListPartsResult> listPartsAfter(String key, String uploadId, int marker) {
        ListPartsArgs.Builder args = ListPartsArgs.builder().bucket(bucket).object(key).uploadId(uploadId);
        return call(() -> client.listParts((marker > 0 ? args.partNumberMarker(marker) : args).build()))
                .map(response -> response.result());
    }

    Mono<String> presignPartUpload(String key, String uploadId, int number, int expirySeconds) {
        return Mono.fromCallable(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.PUT).bucket(bucket).object(key)
                        .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", Integer.toString(number)))
                        .expiry(expirySeconds, TimeUnit.SECONDS).build()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The first bytes of an object, read with a ranged GET. */
    Mono<byte[]> head(String key, int bytes) {
        return range(key, 0, bytes);
    }

    /** {@code length} bytes from {@code offset} (fewer at the end of the object), read with a ranged GET. */
    Mono<byte[]> range(String key, long offset, int length) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length((long) length).build()))
                .publishOn(Schedulers.boundedElastic())
                .map(ObjectStore::readAll);
    }

    Mono<Void> remove(String key) {
        return call(() -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return Mono.defer(() -> Mono.fromFuture(request.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(CompletionException.class, error -> error.getCause() == null ? error : error.getCause());
    }

    static boolean isNoSuchUpload(Throwable error) {
        return error instanceof ErrorResponseException response && "NoSuchUpload".equals(response.errorResponse().code());
    }
}
