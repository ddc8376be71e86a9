package org.kepu.media.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a ZIP archive's central directory (the list of entries at its end, with their compressed and
 * expanded sizes) without inflating anything, ZIP64 included. Office documents (DOCX, ODT) are ZIP
 * archives; their directory tells a zip bomb before any parser opens it.
 */
final class ZipDirectory {

    /** Bytes at the end of an archive that hold the end record: 22 plus a comment of at most 65535. */
    static final int END_SEARCH = 22 + 65_535;

    private static final int END = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ENTRY = 0x02014b50;
    private static final long UNKNOWN = 0xFFFFFFFFL;

    /** Where the directory is and how many entries it lists; {@code zip64End} ≥ 0 when that is still to be read. */
    record Location(long offset, long size, long entries, long zip64End) {

        boolean needsZip64End() {
            return zip64End >= 0;
        }
    }

    /**
     * What the directory declares.
     *
     * @param worstRatio the highest expanded-to-compressed ratio among entries of at least {@code ratioFrom} bytes
     */
    record Totals(long entries, long compressed, long expanded, long largestEntry, double worstRatio) {
    }

    static final class MalformedZipException extends RuntimeException {
        MalformedZipException(String message) {
            super(message);
        }
    }

    private ZipDirectory() {
    }

    /**
     * @param tail        the last bytes of the archive ({@link #END_SEARCH} or all of it)
     * @param archiveSize the whole archive's size
     * @return the directory's location, or, for a ZIP64 archive, where its ZIP64 end record is
     *         ({@link Location#zip64End()}), to be read and passed to {@link #locateZip64}
     */
    static Location locate(byte[] tail, long archiveSize) {
        ByteBuffer buffer = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = tail.length - 22; at >= 0; at--) {
            if (buffer.getInt(at) != END) {
                continue;
            }
            long entries = Short.toUnsignedLong(buffer.getShort(at + 10));
            long size = Integer.toUnsignedLong(buffer.getInt(at + 12));
            long offset = Integer.toUnsignedLong(buffer.getInt(at + 16));
            if ((entries == 0xFFFF || size == UNKNOWN || offset == UNKNOWN) && at >= 20 && buffer.getInt(at - 20) == ZIP64_LOCATOR) {
                return new Location(-1, -1, -1, buffer.getLong(at - 20 + 8));
            }
            return checked(new Location(offset, size, entries, -1), archiveSize);
        }
        throw new MalformedZipException("no end of central directory record");
    }

    /** @param end the 56 bytes of the ZIP64 end record */
    static Location locateZip64(byte[] end, long archiveSize) {
        ByteBuffer buffer = ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN);
        if (end.length < 56 || buffer.getInt(0) != ZIP64_END) {
            throw new MalformedZipException("the ZIP64 end record is missing");
        }
        return checked(new Location(buffer.getLong(48), buffer.getLong(40), buffer.getLong(32), -1), archiveSize);
    }

    private static Location checked(Location location, long archiveSize) {
        if (location.offset() < 0 || location.size() < 0 || location.offset() + location.size() > archiveSize) {
            throw new MalformedZipException("the central directory lies outside the archive");
        }
        return location;
    }

    static Totals totals(byte[] directory, long ratioFrom) {
        ByteBuffer buffer = ByteBuffer.wrap(directory).order(ByteOrder.LITTLE_ENDIAN);
        long entries = 0;
        long compressed = 0;
        long expanded = 0;
        long largest = 0;
        double worst = 0;
        int at = 0;
        while (at + 46 <= directory.length && buffer.getInt(at) == ENTRY) {
            long packed = Integer.toUnsignedLong(buffer.getInt(at + 20));
            long inflated = Integer.toUnsignedLong(buffer.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
            int extra = at + 46 + nameLength;
            if (extra + extraLength > directory.length) {
                throw new MalformedZipException("an entry runs past the central directory");
            }
            if (inflated == UNKNOWN || packed == UNKNOWN) {
                long[] sizes = zip64Sizes(buffer, extra, extraLength, inflated == UNKNOWN, packed == UNKNOWN);
                inflated = inflated == UNKNOWN ? sizes[0] : inflated;
                packed = packed == UNKNOWN ? sizes[1] : packed;
            }
            entries++;
            compressed += packed;
            expanded = saturatedAdd(expanded, inflated);
            largest = Math.max(largest, inflated);
            if (inflated >= ratioFrom) {
                worst = Math.max(worst, (double) inflated / Math.max(1, packed));
            }
            at = extra + extraLength + commentLength;
        }
        return new Totals(entries, compressed, expanded, largest, worst);
    }

    /** The ZIP64 extra field (id 1) holds the expanded, then the compressed size, each only if its 32-bit field is full. */
    private static long[] zip64Sizes(ByteBuffer buffer, int from, int length, boolean needsExpanded, boolean needsCompressed) {
        int at = from;
        while (at + 4 <= from + length) {
            int id = Short.toUnsignedInt(buffer.getShort(at));
            int size = Short.toUnsignedInt(buffer.getShort(at + 2));
            if (id == 1) {
                int field = at + 4;
                long expanded = needsExpanded ? buffer.getLong(field) : 0;
                long compressed = needsCompressed ? buffer.getLong(field + (needsExpanded ? 8 : 0)) : 0;
                return new long[] {expanded, compressed};
            }
            at += 4 + size;
        }
        throw new MalformedZipException("a ZIP64 entry has no ZIP64 sizes");
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
