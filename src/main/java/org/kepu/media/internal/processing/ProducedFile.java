package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One file a processor wrote into its output folder. */
public record ProducedFile(Path path, String contentType, long bytes) {

    static ProducedFile of(Path path, String contentType) {
        try {
            return new ProducedFile(path, contentType, Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg did not write " + path, e);
        }
    }
}
