package org.kepu.site.internal;

import java.util.Locale;
import java.util.Map;

/** How a download is described: its kind of document and its size, as people read them. */
final class FileSizes {

    private static final Map<String, String> TYPES = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.oasis.opendocument.text", "odt");

    private FileSizes() {
    }

    /** The message key of a document type's name, {@code site.file-type.<pdf|docx|odt|other>}. */
    static String typeKey(String mediaType) {
        return "site.file-type." + TYPES.getOrDefault(mediaType, "other");
    }

    /** 1024-based: {@code 812 B}, {@code 15 KB}, {@code 1.4 MB}, {@code 12 MB}, {@code 1.1 GB}. */
    static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
