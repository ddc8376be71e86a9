package org.kepu.platform.internal.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(Orphans::isRunning);
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

    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(Orphans::isRunning).orElse(false);
    }

    /** Alive and not a zombie waiting for an init process that reaps slowly. */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }
}
