package org.kepu.platform.internal.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OrphansTest {

    @TempDir
    Path folder;

    @Test
    void anOrphanWithOurSignatureIsStopped() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Path pidFile = folder.resolve("server.pid");
        Files.writeString(pidFile, orphan.pid() + "\n");

        Orphans.stopOrphan(pidFile, "sleep 300");

        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aForeignProcessReusingThePidIsLeftAlone() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "301").start();
        try {
            Path pidFile = folder.resolve("server.pid");
            Files.writeString(pidFile, Long.toString(stranger.pid()));

            Orphans.stopOrphan(pidFile, "redis-server");

            assertThat(stranger.isAlive()).isTrue();
            assertThat(pidFile).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void aStalePidFileOfADeadProcessIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pidFile = folder.resolve("server.pid");
        Files.writeString(pidFile, Long.toString(gone.pid()));

        Orphans.stopOrphan(pidFile, "true");

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aSecondProcessCannotTakeALockedDataFolder() throws Exception {
        try (DataFolder first = DataFolder.persistent(folder)) {
            assertThat(first.root()).isEqualTo(folder.toAbsolutePath().normalize());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataFolder.persistent(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running Kepu process");
        }
    }
}
