package org.kepu.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;

import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioAsyncClient;
import io.minio.UploadObjectArgs;
import org.kepu.media.MediaAssetId;
import org.kepu.media.internal.delivery.MediaTypes;
import org.kepu.media.internal.delivery.PublicKeys;
import org.kepu.platform.StorageBucket;
import org.springframework.stereotype.Component;

/**
 * Object storage as the processing pipeline needs it, from its own worker threads (these calls
 * block): read an original by URL or as a local copy, and publish produced files.
 */
@Component
class PublishedFiles {

    private static final int ORIGINAL_URL_SECONDS = 6 * 3600;

    private final MinioAsyncClient storage;
    private final String bucket;

    PublishedFiles(MinioAsyncClient storage, StorageBucket bucket) {
        this.storage = storage;
        this.bucket = bucket.name();
    }

    /** A time-limited URL of the original, which ffmpeg and ffprobe read with ranged requests. */
    String originalUrl(String objectKey) throws Exception {
        return storage.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Http.Method.GET).bucket(bucket).object(objectKey).expiry(ORIGINAL_URL_SECONDS).build());
    }

    Path copyOriginal(String objectKey, Path target) throws Exception {
        try (InputStream in = get(storage.getObject(GetObjectArgs.builder().bucket(bucket).object(objectKey).build()))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Uploads {@code file} as {@code public/media/<asset>/<path>} and returns its size. */
    long publish(MediaAssetId asset, Path file, String path) throws Exception {
        get(storage.uploadObject(UploadObjectArgs.builder().bucket(bucket)
                .object(PublicKeys.of(asset.id(), path))
                .filename(file.toString())
                .contentType(MediaTypes.of(path).toString())
                .build()));
        return Files.size(file);
    }

    void removeOriginal(String objectKey) throws Exception {
        get(storage.removeObject(io.minio.RemoveObjectArgs.builder().bucket(bucket).object(objectKey).build()));
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> call) throws Exception {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans what is left
        }
    }
}
