package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stand-in for PulseAudio's client library {@code libpulse.so.0}, whose functions all fail. The bundled
 * ffmpeg's libavdevice links that library (for audio devices Kepu never uses), so neither the executables
 * nor the JVM can load it on a machine without PulseAudio. The build compiles the stand-in from
 * {@code src/main/native/libpulse-stub} into a resource when it finds a C compiler.
 */
final class PulseAudioStub {

    static final String SONAME = "libpulse.so.0";
    static final String RESOURCE = "/native/linux-x86_64/" + SONAME;

    private PulseAudioStub() {
    }

    /** Whether this build of Kepu carries the stand-in. */
    static boolean bundled() {
        return PulseAudioStub.class.getResource(RESOURCE) != null;
    }

    /**
     * When the system lacks {@code libpulse.so.0}, extracts the stand-in into {@code cacheFolder} and loads
     * it into this JVM, so that the JVM's own later loading of libavdevice finds a library of that soname
     * already loaded. Returns the folder the tools' processes need on {@code LD_LIBRARY_PATH}; empty when
     * the system has the real library or this build carries no stand-in.
     */
    static Optional<Path> loadIfSystemLacksIt(Path cacheFolder) throws IOException {
        if (SystemLibraries.has(SONAME)) {
            return Optional.empty();
        }
        Optional<Path> folder = extractTo(cacheFolder);
        folder.ifPresent(PulseAudioStub::load);
        return folder;
    }

    /** Copies the stand-in to {@code parent/libpulse-stub-HASH/libpulse.so.0}, named by its content. */
    static Optional<Path> extractTo(Path parent) throws IOException {
        byte[] library;
        try (InputStream resource = PulseAudioStub.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                return Optional.empty();
            }
            library = resource.readAllBytes();
        }
        Path folder = parent.resolve("libpulse-stub-" + shortHash(library));
        Path file = folder.resolve(SONAME);
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), library)) {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, SONAME, ".part");
            Files.write(partial, library);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return Optional.of(folder);
    }

    static void load(Path folder) {
        System.load(folder.resolve(SONAME).toAbsolutePath().toString());
    }

    private static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
