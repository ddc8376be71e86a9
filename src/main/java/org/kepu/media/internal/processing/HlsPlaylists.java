package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what ffmpeg wrote for one rung, and writes the master playlist. */
final class HlsPlaylists {

    private HlsPlaylists() {
    }

    /** Measures peak and average bandwidth from the segment sizes and durations of {@code dir/index.m3u8}. */
    static HlsRendition describe(String name, int width, int height, String codecs, Path dir) {
        try {
            Path playlist = dir.resolve("index.m3u8");
            List<ProducedFile> files = new ArrayList<>();
            files.add(ProducedFile.of(playlist, "application/vnd.apple.mpegurl"));
            double segmentSeconds = 0;
            double totalSeconds = 0;
            long totalBytes = 0;
            long peak = 0;
            for (String line : Files.readAllLines(playlist)) {
                if (line.startsWith("#EXT-X-MAP:URI=\"")) {
                    String init = line.substring(16, line.indexOf('"', 16));
                    files.add(ProducedFile.of(dir.resolve(init), "video/mp4"));
                } else if (line.startsWith("#EXTINF:")) {
                    segmentSeconds = Double.parseDouble(line.substring(8, line.indexOf(',')));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    ProducedFile segment = ProducedFile.of(dir.resolve(line.strip()), "video/iso.segment");
                    files.add(segment);
                    totalBytes += segment.bytes();
                    totalSeconds += segmentSeconds;
                    if (segmentSeconds > 0.5) {
                        peak = Math.max(peak, Math.round(segment.bytes() * 8 / segmentSeconds));
                    }
                }
            }
            long average = totalSeconds > 0 ? Math.round(totalBytes * 8 / totalSeconds) : 0;
            if (files.size() < 3 || average == 0) {
                throw new IllegalStateException("ffmpeg wrote no segments into " + dir);
            }
            return new HlsRendition(name, width, height, Math.max(peak, average), average, codecs, dir, List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProducedFile writeMaster(Path hlsDir, List<HlsRendition> renditions) {
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (HlsRendition rendition : renditions) {
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(rendition.bandwidth())
                    .append(",AVERAGE-BANDWIDTH=").append(rendition.averageBandwidth())
                    .append(",RESOLUTION=").append(rendition.width()).append('x').append(rendition.height())
                    .append(",CODECS=\"").append(rendition.codecs()).append("\"\n")
                    .append(hlsDir.relativize(rendition.playlist()).toString().replace('\\', '/')).append('\n');
        }
        Path file = VideoProcessor.write(VideoProcessor.folder(hlsDir).resolve("master.m3u8"), master.toString());
        return ProducedFile.of(file, "application/vnd.apple.mpegurl");
    }
}
