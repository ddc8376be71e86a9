package org.kepu.media.internal;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a file name any browser saves correctly (RFC 6266): an ASCII
 * {@code filename} for old clients and the real name, Chinese included, as {@code filename*} in RFC 5987's
 * UTF-8 percent encoding, which current browsers prefer.
 */
final class AttachmentDisposition {

    private static final String FALLBACK = "attachment";

    private AttachmentDisposition() {
    }

    static String of(String fileName) {
        String name = fileName == null || fileName.isBlank() ? FALLBACK : fileName;
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** The printable ASCII of the name without quotes and backslashes, keeping its extension; "attachment.pdf" when nothing is left. */
    static String asciiFallback(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String ascii = keepAscii(base).strip();
        return (ascii.isEmpty() ? FALLBACK : ascii) + keepAscii(extension);
    }

    private static String keepAscii(String text) {
        StringBuilder kept = new StringBuilder();
        text.chars().filter(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\').forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String rfc5987(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
