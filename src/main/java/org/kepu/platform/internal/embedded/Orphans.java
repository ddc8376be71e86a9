package org.kepu.platform.internal.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server process left behind by a run that was killed. Only a process whose command
 * line carries the expected signature is stopped; a foreign process that happens to reuse the
 * PID is left alone.
 */
final class Orphans {

    private static final Logger log = LoggerFactory.getLogger(Orphans.class);

    private Orphans() {
    }

    static void stopOrphan(Path pidFile, String signature) throws IOException {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = orphan.get();
        String commandLine = process.info().commandLine().orElse("");
        if (!commandLine.contains(signature)) {
            log.info("PID file {} names process {} which is not ours ({}); leaving it alone", pidFile, process.pid(), commandLine);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping process {} left behind by an earlier run ({})", process.pid(), signature);
        process.destroy();
        if (!waitForExit(process, Duration.ofSeconds(20))) {
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
        Files.deleteIfExists(pidFile);
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return firstLine.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
