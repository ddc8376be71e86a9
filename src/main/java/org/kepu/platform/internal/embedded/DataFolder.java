package org.kepu.platform.internal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder holding the embedded servers' data. An exclusive lock proves that no other live
 * process uses it, so whatever its PID files name is an orphan of a killed run.
 */
final class DataFolder implements AutoCloseable {

    private final Path root;
    private final boolean ephemeral;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path root, boolean ephemeral) throws IOException {
        this.root = root;
        this.ephemeral = ephemeral;
        Files.createDirectories(root);
        this.lockChannel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IllegalStateException("The data folder " + root
                    + " is in use by another running Kepu process; stop it or set kepu.data-dir (KEPU_DATA_DIR) to another folder");
        }
        this.lock = acquired;
    }

    static DataFolder persistent(Path root) throws IOException {
        return new DataFolder(root.toAbsolutePath().normalize(), false);
    }

    static DataFolder ephemeral() throws IOException {
        return new DataFolder(Files.createTempDirectory("kepu-data-"), true);
    }

    Path root() {
        return root;
    }

    Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
        return folder;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
        if (ephemeral) {
            deleteRecursively(root);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
