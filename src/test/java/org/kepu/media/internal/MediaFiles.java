package org.kepu.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.kepu.media.internal.processing.FfmpegProperties;
import org.kepu.media.internal.processing.FfmpegTools;

/** Small real media files made with the ffmpeg from the classpath, and hand-made hostile ones. */
final class MediaFiles {

    private final Path folder;
    private final FfmpegTools tools;

    MediaFiles(Path folder) {
        this.folder = folder;
        this.tools = new FfmpegTools(FfmpegProperties.defaults());
    }

    byte[] mp4() {
        return make("clip.mp4", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart");
    }

    byte[] mov() {
        return make("clip.mov", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p");
    }

    byte[] mp3() {
        return make("tone.mp3", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libmp3lame");
    }

    /** Any file ffmpeg can make, named {@code name} (the extension picks the container). */
    byte[] made(String name, String... arguments) {
        return make(name, arguments);
    }

    byte[] png() {
        return make("frame.png", "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1");
    }

    /** A valid MP4 grown to {@code size} bytes with a trailing {@code free} box. */
    static byte[] paddedMp4(byte[] mp4, int size) {
        byte[] padded = Arrays.copyOf(mp4, size);
        int box = size - mp4.length;
        padded[mp4.length] = (byte) (box >>> 24);
        padded[mp4.length + 1] = (byte) (box >>> 16);
        padded[mp4.length + 2] = (byte) (box >>> 8);
        padded[mp4.length + 3] = (byte) box;
        System.arraycopy("free".getBytes(StandardCharsets.ISO_8859_1), 0, padded, mp4.length + 4, 4);
        return padded;
    }

    /** {@code bytes} followed by zeros up to {@code size}. */
    static byte[] padded(byte[] bytes, int size) {
        return Arrays.copyOf(bytes, size);
    }

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        byte[] header = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff\u0000\u0000"
                .getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, exe, 0, header.length);
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 78, stub.length);
        return exe;
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><head><script>document.location='https://evil.example'</script></head><body>猫</body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] svgWithScript() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>
                """.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] make(String name, String... arguments) {
        Path output = folder.resolve(name);
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-y", "-loglevel", "error"));
        command.addAll(List.of(arguments));
        command.add(output.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(tools.environment());
        try {
            Process process = builder.start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed for " + name + ": " + log);
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same DOCX with a title and an author in its core properties (where Word keeps them). */
    static byte[] withCoreProperties(byte[] docx, String title, String creator) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
             var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("docProps/core.xml")) {
                    content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("<dc:title>[^<]*</dc:title>|<dc:title/>", "<dc:title>" + title + "</dc:title>")
                            .replaceAll("<dc:creator>[^<]*</dc:creator>|<dc:creator/>", "<dc:creator>" + creator + "</dc:creator>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A DOCX whose document.xml inflates to about {@code inflated} bytes of one repeated letter. */
    static byte[] docxBomb(long inflated) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        org.kepu.media.internal.processing.ZipBombs.docx(out, inflated);
        return out.toByteArray();
    }
}
