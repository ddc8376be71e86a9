package org.kepu.media.internal.processing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Resized variants of an article image: WebP (libwebp, quality 80) plus a JPEG fallback, or PNG when
 * the source has transparency. Never upscaled; metadata (EXIF, GPS) is dropped. Blocking.
 */
public final class ImageProcessor {

    public static final List<Integer> DEFAULT_WIDTHS = List.of(480, 960, 1600);
    /** Larger pictures are refused as decompression bombs (a 100 MB PNG can decode to 40 GB). */
    public static final long MAX_PIXELS = 100_000_000L;

    public record ImageVariant(int width, int height, ProducedFile webp, ProducedFile fallback) {
    }

    private final FfmpegRunner runner;

    public ImageProcessor(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * {@code image-<width>.webp} and {@code image-<width>.jpg|png} for each width of {@link #DEFAULT_WIDTHS}
     * no wider than the source; a source narrower than all of them gets one variant at its own width.
     */
    public List<ImageVariant> variants(String input, MediaFacts facts, Path outDir) {
        return variants(input, facts, outDir, DEFAULT_WIDTHS);
    }

    public List<ImageVariant> variants(String input, MediaFacts facts, Path outDir, List<Integer> widths) {
        if (!facts.hasVideo() || facts.width() <= 0 || facts.height() <= 0) {
            throw new CorruptMediaException("The file is not a picture");
        }
        if ((long) facts.width() * facts.height() > MAX_PIXELS) {
            throw new UnsafeDocumentException("The picture has more than " + MAX_PIXELS + " pixels");
        }
        int sourceWidth = facts.displayWidth();
        int sourceHeight = facts.displayHeight();
        List<Integer> chosen = widths.stream().sorted().filter(width -> width <= sourceWidth).toList();
        if (chosen.isEmpty()) {
            chosen = List.of(sourceWidth);
        }
        boolean alpha = hasAlpha(facts.pixelFormat());
        String fallbackExtension = alpha ? "png" : "jpg";
        Path dir = VideoProcessor.folder(outDir);
        List<String> args = new ArrayList<>(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input));
        List<Planned> planned = new ArrayList<>();
        for (int width : chosen) {
            int height = Math.max(1, (int) Math.round(width * (double) sourceHeight / sourceWidth));
            String scale = "scale=" + width + ":" + height + ":flags=lanczos";
            Path webp = dir.resolve("image-" + width + ".webp");
            Path fallback = dir.resolve("image-" + width + "." + fallbackExtension);
            args.addAll(List.of("-map", "0:v:0", "-frames:v", "1", "-map_metadata", "-1", "-vf", scale,
                    "-c:v", "libwebp", "-quality", "80", webp.toString()));
            args.addAll(List.of("-map", "0:v:0", "-frames:v", "1", "-map_metadata", "-1", "-vf", scale));
            args.addAll(alpha ? List.of("-c:v", "png", "-update", "1", fallback.toString())
                    : List.of("-c:v", "mjpeg", "-q:v", "3", "-update", "1", fallback.toString()));
            planned.add(new Planned(width, height, webp, fallback));
        }
        runner.ffmpeg(args, null, null);
        return planned.stream().map(v -> new ImageVariant(v.width(), v.height(), ProducedFile.of(v.webp(), "image/webp"),
                ProducedFile.of(v.fallback(), alpha ? "image/png" : "image/jpeg"))).toList();
    }

    public Mono<List<ImageVariant>> variantsAsync(String input, MediaFacts facts, Path outDir) {
        return runner.offload(() -> variants(input, facts, outDir));
    }

    private record Planned(int width, int height, Path webp, Path fallback) {
    }

    static boolean hasAlpha(String pixelFormat) {
        if (pixelFormat == null) {
            return false;
        }
        return pixelFormat.startsWith("yuva") || pixelFormat.startsWith("ya") || pixelFormat.startsWith("gbrap")
                || pixelFormat.contains("rgba") || pixelFormat.contains("bgra") || pixelFormat.contains("argb")
                || pixelFormat.contains("abgr") || pixelFormat.equals("pal8");
    }
}
