package org.kepu.media.internal;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * Refuses a zip bomb at upload, before it is accepted: the stored archive's central directory is read
 * with two ranged GETs (its end, then the directory) and its declared sizes are judged against
 * {@link ArchiveLimits}. Nothing is inflated here. An archive that lies about its sizes passes this
 * check and is stopped by the isolated, memory-capped extraction.
 */
@Component
class ArchiveCheck {

    private static final int MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

    private final ObjectStore store;
    private final ArchiveLimits limits;

    ArchiveCheck(ObjectStore store, ArchiveLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    static boolean isArchive(String detectedType) {
        return detectedType != null && (detectedType.startsWith("application/vnd.openxmlformats-officedocument.")
                || detectedType.startsWith("application/vnd.oasis.opendocument.")
                || detectedType.equals("application/zip") || detectedType.equals("application/epub+zip"));
    }

    /** Completes empty when the object is no archive or a harmless one; errors with a 422 problem otherwise. */
    Mono<Void> check(String key, String detectedType, long size) {
        if (!isArchive(detectedType)) {
            return Mono.empty();
        }
        int tail = (int) Math.min(size, ZipDirectory.END_SEARCH);
        return store.range(key, size - tail, tail)
                .map(bytes -> ZipDirectory.locate(bytes, size))
                .flatMap(location -> location.needsZip64End()
                        ? store.range(key, location.zip64End(), 56).map(end -> ZipDirectory.locateZip64(end, size))
                        : Mono.just(location))
                .flatMap(location -> {
                    if (location.entries() > limits.maxEntries() || location.size() > MAX_DIRECTORY_BYTES) {
                        return Mono.error(bomb(location.entries() + " entries"));
                    }
                    return store.range(key, location.offset(), (int) location.size()).map(directory -> ZipDirectory.totals(directory, limits.ratioFrom().toBytes()));
                })
                .flatMap(this::judge)
                .onErrorMap(ZipDirectory.MalformedZipException.class,
                        malformed -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "media-archive-broken", malformed.getMessage()));
    }

    private Mono<Void> judge(ZipDirectory.Totals totals) {
        if (totals.expanded() > limits.maxExpanded().toBytes()) {
            return Mono.error(bomb("expanded " + DataSize.ofBytes(totals.expanded()).toMegabytes() + " MB"));
        }
        if (totals.worstRatio() > limits.maxRatio()) {
            return Mono.error(bomb("ratio " + Math.round(totals.worstRatio()) + ":1"));
        }
        return Mono.empty();
    }

    private static ProblemException bomb(String finding) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "media-archive-bomb", finding);
    }
}
