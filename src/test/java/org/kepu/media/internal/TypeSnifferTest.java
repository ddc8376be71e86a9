package org.kepu.media.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.kepu.media.MediaPurpose;

import static org.assertj.core.api.Assertions.assertThat;

class TypeSnifferTest {

    private final TypeSniffer sniffer = new TypeSniffer();

    @Test
    void theFtypBrandTellsMp4FromMovAndM4a() {
        assertThat(sniffer.detectNow(ftyp("isom"))).isEqualTo("video/mp4");
        assertThat(sniffer.detectNow(ftyp("mp42"))).isEqualTo("video/mp4");
        assertThat(sniffer.detectNow(ftyp("qt  "))).isEqualTo("video/quicktime");
        assertThat(sniffer.detectNow(ftyp("M4A "))).isEqualTo("audio/mp4");
    }

    @Test
    void aPngWithAnAnimationControlChunkIsAnApng() {
        assertThat(sniffer.detectNow(png(true))).isEqualTo("image/apng");
        assertThat(sniffer.detectNow(png(false))).isEqualTo("image/png");
        assertThat(AcceptedTypes.accepts(MediaPurpose.ANIMATION, "image/apng")).isTrue();
        assertThat(AcceptedTypes.accepts(MediaPurpose.ANIMATION, "image/png")).isFalse();
    }

    @Test
    void disguisesAreSeenThrough() {
        assertThat(sniffer.detectNow(MediaFiles.windowsExecutable())).isEqualTo("application/x-msdownload");
        assertThat(sniffer.detectNow(MediaFiles.html())).isEqualTo("text/html");
        assertThat(sniffer.detectNow(MediaFiles.svgWithScript())).isEqualTo("image/svg+xml");
        assertThat(sniffer.detectNow("just some words".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    }

    @Test
    void officeDocumentsAreRecognizedFromTheirFirstBytes() throws Exception {
        assertThat(sniffer.detectNow(zip(
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "wordprocessingml.document.main+xml\"/></Types>",
                "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(sniffer.detectNow(zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>")))
                .isEqualTo("application/vnd.oasis.opendocument.text");
    }

    private static byte[] zip(String... namesAndContents) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(namesAndContents[i]);
                if (namesAndContents[i].equals("mimetype")) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(content);
                    entry.setMethod(java.util.zip.ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] ftyp(String brand) {
        byte[] box = new byte[32];
        box[3] = 32;
        System.arraycopy("ftyp".getBytes(StandardCharsets.ISO_8859_1), 0, box, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.ISO_8859_1), 0, box, 8, 4);
        System.arraycopy("isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1), 0, box, 16, 16);
        return box;
    }

    private static byte[] png(boolean animated) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] ihdr = chunk("IHDR", 13);
        byte[] actl = chunk("acTL", 8);
        byte[] idat = chunk("IDAT", 4);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(signature);
        out.writeBytes(ihdr);
        if (animated) {
            out.writeBytes(actl);
        }
        out.writeBytes(idat);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, int length) {
        byte[] chunk = new byte[12 + length];
        chunk[3] = (byte) length;
        System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, chunk, 4, 4);
        return chunk;
    }
}
