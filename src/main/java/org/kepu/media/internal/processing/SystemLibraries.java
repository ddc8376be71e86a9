package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether the system's dynamic loader finds an x86-64 shared library by its soname: listed in the
 * loader's cache ({@code ldconfig -p}) or lying in a folder of {@code LD_LIBRARY_PATH}.
 */
final class SystemLibraries {

    /** Debian keeps ldconfig in sbin, which an ordinary user's PATH lacks. */
    private static final List<String> LDCONFIG = List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig");

    private SystemLibraries() {
    }

    static boolean has(String soname) {
        return listedInLoaderCache(loaderCache(), soname) || inLibraryPath(System.getenv("LD_LIBRARY_PATH"), soname);
    }

    /** Reads lines such as {@code libpulse.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpulse.so.0}. */
    static boolean listedInLoaderCache(String ldconfigOutput, String soname) {
        return ldconfigOutput.lines()
                .map(String::strip)
                .anyMatch(line -> line.startsWith(soname + " (") && line.contains("x86-64)"));
    }

    static boolean inLibraryPath(String libraryPath, String soname) {
        if (libraryPath == null) {
            return false;
        }
        return Arrays.stream(libraryPath.split(":"))
                .filter(folder -> !folder.isBlank())
                .anyMatch(folder -> isFile(folder, soname));
    }

    private static boolean isFile(String folder, String name) {
        try {
            return Files.isRegularFile(Path.of(folder, name));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The output of {@code ldconfig -p}; empty when no ldconfig runs, so that nothing counts as present. */
    private static String loaderCache() {
        for (String ldconfig : LDCONFIG) {
            try {
                Process process = new ProcessBuilder(ldconfig, "-p").redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String output;
                try (InputStream stdout = process.getInputStream()) {
                    output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return output;
                }
                process.destroyForcibly();
            } catch (IOException e) {
                // Not there: try the next place.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }
}
