package org.kepu.media.internal.delivery;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.minio.GetObjectArgs;
import io.minio.MinioAsyncClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import org.kepu.platform.ProblemException;
import org.kepu.platform.StorageBucket;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers a request for one processed file of an asset from object storage, with byte ranges, ETags and
 * types. {@link #serve} reads only keys under {@code public/}; an original is read only by
 * {@link #serveOriginal}, which the download of a published work's document uses. Who may ask is decided
 * by the callers (the public path, the signed-in preview path, the document download).
 */
@Component
public class StoredFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]{2,5}");
    private static final int CHUNK = 64 * 1024;

    private final MinioAsyncClient storage;
    private final String bucket;

    StoredFiles(MinioAsyncClient storage, StorageBucket bucket) {
        this.storage = storage;
        this.bucket = bucket.name();
    }

    /** The file named by what follows {@code prefix} in {@code path}; 404 for anything else than a plain relative path. */
    public static String fileIn(String path, String prefix) {
        String file = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        if (!SAFE_PATH.matcher(file).matches()) {
            throw notFound();
        }
        return file;
    }

    public Mono<ResponseEntity<Flux<DataBuffer>>> serve(UUID asset, String file, HttpHeaders request, CacheControl cache) {
        String key = PublicKeys.of(asset, file);
        return stat(key).flatMap(object -> respond(object, key, MediaTypes.of(file), null, request, cache));
    }

    /** An original as a download: its own type, and {@code disposition} as {@code Content-Disposition}. */
    public Mono<ResponseEntity<Flux<DataBuffer>>> serveOriginal(String objectKey, MediaType type, String disposition,
                                                                HttpHeaders request, CacheControl cache) {
        return stat(objectKey).flatMap(object -> respond(object, objectKey, type, disposition, request, cache));
    }

    public static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "media-file-not-found");
    }

    private Mono<StatObjectResponse> stat(String key) {
        return Mono.fromFuture(() -> storage.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()))
                .onErrorMap(error -> isMissing(error) ? notFound() : error);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> respond(StatObjectResponse object, String key, MediaType type,
                                                           String disposition, HttpHeaders request, CacheControl cache) {
        long size = object.size();
        String etag = "\"" + object.etag() + "\"";
        if (request.getIfNoneMatch().contains(etag)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        if (disposition != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        headers.setCacheControl(cache);
        headers.setETag(etag);
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        List<HttpRange> ranges = request.getRange();
        if (ranges.size() != 1) {
            headers.setContentLength(size);
            return Mono.just(ResponseEntity.ok().headers(headers).body(read(key, 0, size)));
        }
        long start = ranges.get(0).getRangeStart(size);
        long end = ranges.get(0).getRangeEnd(size);
        if (start >= size || end < start) {
            return Mono.just(ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size).build());
        }
        long length = end - start + 1;
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
        headers.setContentLength(length);
        return Mono.just(ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers).body(read(key, start, length)));
    }

    /** The object store's stream is blocking: it is read on the bounded elastic scheduler, chunk by chunk. */
    private Flux<DataBuffer> read(String key, long offset, long length) {
        if (length == 0) {
            return Flux.empty();
        }
        Mono<InputStream> stream = Mono.fromFuture(() -> storage.getObject(GetObjectArgs.builder()
                .bucket(bucket).object(key).offset(offset).length(length).build())).cast(InputStream.class);
        return stream.flatMapMany(in -> DataBufferUtils.readInputStream(() -> in, DefaultDataBufferFactory.sharedInstance, CHUNK))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean isMissing(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause instanceof ErrorResponseException response
                && ("NoSuchKey".equals(response.errorResponse().code()) || response.response().code() == 404);
    }
}
