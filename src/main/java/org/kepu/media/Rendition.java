package org.kepu.media;

/**
 * A file processing made of an asset, by its role: {@code hls}, {@code poster}, {@code storyboard},
 * {@code audio}, {@code waveform}, {@code image-<width>[-webp]}.
 *
 * @param url its public address under {@code /media/}, which answers only while a published work uses the asset
 */
public record Rendition(MediaAssetId asset, String name, String url, String contentType, long bytes, Integer width,
                        Integer height) {
}
