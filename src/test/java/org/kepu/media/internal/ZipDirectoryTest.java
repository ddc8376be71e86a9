package org.kepu.media.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipDirectoryTest {

    private static final long TEN_MB = 10L << 20;

    @Test
    void anOrdinaryDocumentDeclaresModestSizes() throws Exception {
        byte[] docx = Files.readAllBytes(Path.of("content-samples/articles/kitchen-experiments.docx"));

        ZipDirectory.Totals totals = totals(docx);

        assertThat(totals.entries()).isBetween(5L, 50L);
        assertThat(totals.expanded()).isBetween((long) docx.length, 1L << 20);
        assertThat(totals.worstRatio()).isZero();
    }

    @Test
    void aBombShowsItsRatioWithoutBeingInflated() throws Exception {
        byte[] bomb = MediaFiles.docxBomb(20L << 20);

        ZipDirectory.Totals totals = totals(bomb);

        assertThat(totals.largestEntry()).isGreaterThan(20L << 20);
        assertThat(totals.expanded()).isGreaterThan(20L << 20);
        assertThat(totals.worstRatio()).isGreaterThan(500);
        assertThat(totals.compressed()).isLessThan(bomb.length);
    }

    @Test
    void zip64ArchivesAreReadThroughTheirZip64EndRecord() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 70_000; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
        }
        byte[] archive = out.toByteArray();
        byte[] tail = tail(archive);

        ZipDirectory.Location location = ZipDirectory.locate(tail, archive.length);
        assertThat(location.needsZip64End()).isTrue();
        ZipDirectory.Location zip64 = ZipDirectory.locateZip64(
                Arrays.copyOfRange(archive, (int) location.zip64End(), (int) location.zip64End() + 56), archive.length);

        assertThat(zip64.entries()).isEqualTo(70_000);
        assertThat(ZipDirectory.totals(directory(archive, zip64), TEN_MB).entries()).isEqualTo(70_000);
    }

    @Test
    void somethingThatIsNoArchiveIsMalformed() {
        byte[] noise = "这不是压缩包".repeat(100).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ZipDirectory.locate(noise, noise.length))
                .isInstanceOf(ZipDirectory.MalformedZipException.class).hasMessageContaining("end of central directory");
    }

    @Test
    void aDirectoryPointingOutsideTheArchiveIsMalformed() throws Exception {
        byte[] docx = Files.readAllBytes(Path.of("content-samples/articles/kitchen-experiments.docx"));
        byte[] cut = Arrays.copyOfRange(docx, 1000, docx.length);

        assertThatThrownBy(() -> ZipDirectory.locate(tail(cut), cut.length))
                .isInstanceOf(ZipDirectory.MalformedZipException.class).hasMessageContaining("outside");
    }

    private static ZipDirectory.Totals totals(byte[] archive) {
        return ZipDirectory.totals(directory(archive, ZipDirectory.locate(tail(archive), archive.length)), TEN_MB);
    }

    private static byte[] directory(byte[] archive, ZipDirectory.Location location) {
        return Arrays.copyOfRange(archive, (int) location.offset(), (int) (location.offset() + location.size()));
    }

    private static byte[] tail(byte[] archive) {
        return Arrays.copyOfRange(archive, Math.max(0, archive.length - ZipDirectory.END_SEARCH), archive.length);
    }
}
