package org.kepu.media;

/**
 * A file processing made of an asset, by its role: {@code hls}, {@code mp4} (progressive, the lowest HLS rung),
 * {@code poster}, {@code poster-<width>[-webp]}, {@code captions-<ordinal>-<language>} (WebVTT; the language a BCP 47
 * tag, {@code und} when unknown), {@code storyboard}, {@code audio}, {@code waveform}, {@code image-<width>[-webp]}.
 *
 * @param url its public address under {@code /media/}, which answers only while a published work uses the asset
 */
public record Rendition(MediaAssetId asset, String name, String url, String contentType, long bytes, Integer width,
                        Integer height) {
}
