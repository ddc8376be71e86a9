package org.kepu.media.internal;

final class ETags {

    private ETags() {
    }

    static String normalize(String etag) {
        if (etag == null) {
            return "";
        }
        String trimmed = etag.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
