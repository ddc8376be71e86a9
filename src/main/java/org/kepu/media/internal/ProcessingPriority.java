package org.kepu.media.internal;

/**
 * Orders processing jobs so that short media go before long ones: a 30 s clip should not wait behind a
 * 40 minute lecture. At the moment an original is stored its size is the only cheap measure of its
 * length (the duration is known only after probing), and encoding time follows bytes closely enough.
 * One step per doubling above 1 MB: 1 MB and below 0, 8 MB −3, 100 MB −6, 1 GB −10, 4 GB −12.
 */
final class ProcessingPriority {

    private static final long MEGABYTE = 1024 * 1024;
    private static final int LOWEST = -20;

    private ProcessingPriority() {
    }

    static int forSize(long bytes) {
        if (bytes <= MEGABYTE) {
            return 0;
        }
        int doublings = 63 - Long.numberOfLeadingZeros(bytes / MEGABYTE);
        return Math.max(LOWEST, -doublings);
    }
}
