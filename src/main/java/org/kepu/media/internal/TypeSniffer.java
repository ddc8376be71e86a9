package org.kepu.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds the true type of a file from its first bytes with Tika. The file name is deliberately not
 * consulted: it can only turn "unknown bytes" into whatever the name claims. Two refinements Tika's
 * magic does not make: the ISO base media family (MP4, MOV, M4A) is told apart by the {@code ftyp}
 * major brand, and a PNG with an animation control chunk is an APNG.
 */
@Component
class TypeSniffer {

    /** Enough for every magic in Tika's table and for the streaming detection of OOXML/ODF containers. */
    static final int HEAD_BYTES = 1024 * 1024;

    private static final java.util.Set<String> ISO_FAMILY = java.util.Set.of(
            "video/mp4", "video/quicktime", "video/x-m4v", "application/mp4", "audio/mp4", "audio/x-m4a");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    Mono<String> detect(byte[] head, int length) {
        return Mono.fromCallable(() -> detectNow(Arrays.copyOf(head, Math.min(length, HEAD_BYTES))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    String detectNow(byte[] head) {
        String tika;
        try (TikaInputStream in = TikaInputStream.get(head)) {
            tika = detector.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return refine(tika, head);
    }

    private static String refine(String type, byte[] head) {
        if (ISO_FAMILY.contains(type) && isIsoBaseMedia(head)) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            return switch (brand) {
                case "qt  " -> "video/quicktime";
                case "M4A ", "M4B " -> "audio/mp4";
                default -> type.startsWith("audio/") ? type : "video/mp4";
            };
        }
        if (type.equals("image/png") && pngIsAnimated(head)) {
            return "image/apng";
        }
        return type;
    }

    private static boolean isIsoBaseMedia(byte[] head) {
        return head.length >= 12 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp");
    }

    /** An {@code acTL} chunk before the first {@code IDAT} makes a PNG an APNG. */
    private static boolean pngIsAnimated(byte[] head) {
        int offset = 8;
        while (offset + 8 <= head.length) {
            long length = ((head[offset] & 0xffL) << 24) | ((head[offset + 1] & 0xff) << 16)
                    | ((head[offset + 2] & 0xff) << 8) | (head[offset + 3] & 0xff);
            String chunk = new String(head, offset + 4, 4, StandardCharsets.ISO_8859_1);
            if (chunk.equals("acTL")) {
                return true;
            }
            if (chunk.equals("IDAT")) {
                return false;
            }
            offset += 12 + (int) Math.min(length, Integer.MAX_VALUE - 12);
            if (offset < 0) {
                return false;
            }
        }
        return false;
    }
}
