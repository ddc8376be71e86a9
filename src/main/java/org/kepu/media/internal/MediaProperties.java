package org.kepu.media.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.kepu.media.MediaPurpose;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param streamPartSize the bounded buffer of a streamed upload: bytes are sent to object storage
 *                       in parts of this size (S3 needs at least 5 MB per part but the last)
 * @param uploadPartSize the part size handed to clients of a multipart upload
 * @param uploadExpiry   how long a multipart upload may stay unfinished before the cleanup aborts it
 * @param partUrlExpiry  how long a presigned part URL is valid
 * @param cleanupInterval how often worker instances look for expired multipart uploads
 * @param limits         per purpose: the largest streamed upload and the largest multipart upload
 */
@ConfigurationProperties("kepu.media")
record MediaProperties(
        @DefaultValue("8MB") DataSize streamPartSize,
        @DefaultValue("16MB") DataSize uploadPartSize,
        @DefaultValue("24h") Duration uploadExpiry,
        @DefaultValue("1h") Duration partUrlExpiry,
        @DefaultValue("5m") Duration cleanupInterval,
        Map<MediaPurpose, Limits> limits) {

    private static final long MIN_PART = DataSize.ofMegabytes(5).toBytes();

    record Limits(DataSize streamed, DataSize multipart) {
    }

    MediaProperties {
        if (streamPartSize.toBytes() < MIN_PART || uploadPartSize.toBytes() < MIN_PART) {
            throw new IllegalArgumentException("kepu.media.stream-part-size and upload-part-size must be at least 5MB (the S3 minimum)");
        }
        Map<MediaPurpose, Limits> merged = new EnumMap<>(MediaPurpose.class);
        for (MediaPurpose purpose : MediaPurpose.values()) {
            Limits given = limits == null ? null : limits.get(purpose);
            Limits fallback = defaults(purpose);
            merged.put(purpose, new Limits(
                    given == null || given.streamed() == null ? fallback.streamed() : given.streamed(),
                    given == null || given.multipart() == null ? fallback.multipart() : given.multipart()));
        }
        limits = Map.copyOf(merged);
    }

    Limits limits(MediaPurpose purpose) {
        return limits.get(purpose);
    }

    private static Limits defaults(MediaPurpose purpose) {
        return switch (purpose) {
            case VIDEO -> new Limits(DataSize.ofMegabytes(100), DataSize.ofGigabytes(4));
            case ANIMATION, AUDIO -> new Limits(DataSize.ofMegabytes(100), DataSize.ofGigabytes(1));
            case DOCUMENT -> new Limits(DataSize.ofMegabytes(100), DataSize.ofMegabytes(500));
            case IMAGE -> new Limits(DataSize.ofMegabytes(30), DataSize.ofMegabytes(100));
        };
    }
}
