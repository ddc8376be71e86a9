package org.kepu.media.internal.processing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SystemLibrariesTest {

    private static final String LOADER_CACHE = """
            1234 libs found in cache `/etc/ld.so.cache'
            	libpulsecommon-16.1.so (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/pulseaudio/libpulsecommon-16.1.so
            	libpulse-simple.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpulse-simple.so.0
            	libpulse.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpulse.so.0
            	libc.so.6 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/libc.so.6
            """;

    @Test
    void aLibraryInTheLoaderCacheIsPresent() {
        assertThat(SystemLibraries.listedInLoaderCache(LOADER_CACHE, "libpulse.so.0")).isTrue();
    }

    @Test
    void librariesWithSimilarNamesDoNotCount() {
        String withoutPulse = LOADER_CACHE.lines()
                .filter(line -> !line.contains("libpulse.so.0 ("))
                .reduce("", (all, line) -> all + line + "\n");

        assertThat(SystemLibraries.listedInLoaderCache(withoutPulse, "libpulse.so.0")).isFalse();
    }

    @Test
    void aLibraryOfAnotherArchitectureDoesNotCount() {
        String i386Only = "\tlibpulse.so.0 (libc6) => /lib/i386-linux-gnu/libpulse.so.0\n";

        assertThat(SystemLibraries.listedInLoaderCache(i386Only, "libpulse.so.0")).isFalse();
    }

    @Test
    void noLoaderCacheMeansAbsent() {
        assertThat(SystemLibraries.listedInLoaderCache("", "libpulse.so.0")).isFalse();
    }

    @Test
    void aLibraryInAFolderOfTheLibraryPathIsPresent(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("libpulse.so.0"), "");

        assertThat(SystemLibraries.inLibraryPath("/nowhere::" + folder, "libpulse.so.0")).isTrue();
        assertThat(SystemLibraries.inLibraryPath("/nowhere", "libpulse.so.0")).isFalse();
        assertThat(SystemLibraries.inLibraryPath(null, "libpulse.so.0")).isFalse();
    }

    @Test
    void thisMachinesLoaderFindsTheCLibraryButNoMadeUpOne() {
        assertThat(SystemLibraries.has("libc.so.6")).isTrue();
        assertThat(SystemLibraries.has("libkepu-made-up.so.7")).isFalse();
    }
}
