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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the published files of a media asset (HLS playlists and segments, posters, audio
 * renditions, waveforms) from object storage, with byte ranges, types and cache headers.
 * Originals are never reachable here: only keys under {@code public/} are read.
 */
@RestController
class MediaFilesController {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]{2,5}");
    private static final int CHUNK = 64 * 1024;

    private final MinioAsyncClient storage;
    private final String bucket;

    MediaFilesController(MinioAsyncClient storage, StorageBucket bucket) {
        this.storage = storage;
        this.bucket = bucket.name();
    }

    @GetMapping("/media/{asset}/**")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable UUID asset, ServerWebExchange exchange) {
        String prefix = "/media/" + asset + "/";
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String file = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        if (!SAFE_PATH.matcher(file).matches()) {
            return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "media-file-not-found"));
        }
        String key = PublicKeys.of(asset, file);
        return stat(key).flatMap(object -> respond(object, key, file, exchange.getRequest().getHeaders()));
    }

    private Mono<StatObjectResponse> stat(String key) {
        return Mono.fromFuture(() -> storage.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()))
                .onErrorMap(error -> isMissing(error)
                        ? new ProblemException(HttpStatus.NOT_FOUND, "media-file-not-found")
                        : error);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> respond(StatObjectResponse object, String key, String file, HttpHeaders request) {
        long size = object.size();
        String etag = "\"" + object.etag() + "\"";
        if (request.getIfNoneMatch().contains(etag)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaTypes.of(file));
        headers.setCacheControl(MediaTypes.cacheFor(file));
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
