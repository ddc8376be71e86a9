package org.kepu.media.internal.processing;

import java.nio.file.Path;
import java.util.List;

/**
 * One rung of the HLS ladder: a media playlist {@code <name>/index.m3u8}, its init segment and fMP4
 * segments, all in {@code folder}.
 *
 * @param name             the rung's folder name under the HLS folder, e.g. {@code 360p}
 * @param bandwidth        peak bits per second over the segments (the master's BANDWIDTH)
 * @param averageBandwidth mean bits per second (AVERAGE-BANDWIDTH)
 * @param codecs           RFC 6381 codecs (CODECS), e.g. {@code avc1.640028,mp4a.40.2}
 * @param files            playlist, init segment and media segments
 */
public record HlsRendition(String name, int width, int height, long bandwidth, long averageBandwidth, String codecs,
                           Path folder, List<ProducedFile> files) {

    public Path playlist() {
        return folder.resolve("index.m3u8");
    }
}
