package org.kepu.media.internal.processing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bundled ffmpeg and ffprobe run with the libpulse.so.0 stand-in and never touch the system's
 * PulseAudio library. The machine may have that library, so each process is given a library path that
 * holds only the stand-in's folder and the bytedeco folder; the loader searches these before the system
 * folders, and its own trace ({@code LD_DEBUG=libs}) shows which file it took.
 */
class PulseAudioStubTest {

    @TempDir
    static Path folder;

    static Path stub;
    static Path bytedeco;

    @BeforeAll
    static void extract() throws IOException {
        assumeTrue(PulseAudioStub.bundled(), "this build has no libpulse stand-in (no C compiler)");
        stub = PulseAudioStub.extractTo(folder).orElseThrow();
        bytedeco = new FfmpegTools(FfmpegProperties.defaults()).ffmpeg().getParent();
    }

    @Test
    void extractionIsNamedByContentAndRepeatable() throws IOException {
        Path again = PulseAudioStub.extractTo(folder).orElseThrow();

        assertThat(again).isEqualTo(stub);
        assertThat(stub.getFileName().toString()).matches("libpulse-stub-[0-9a-f]{12}");
        try (var resource = PulseAudioStub.class.getResourceAsStream(PulseAudioStub.RESOURCE)) {
            assertThat(Files.readAllBytes(stub.resolve("libpulse.so.0"))).isEqualTo(resource.readAllBytes());
        }
    }

    @Test
    void ffprobeRunsWithTheStandIn() throws Exception {
        Run run = runWithStandIn("ffprobe", bytedeco.resolve("ffprobe").toString(), "-version");

        assertThat(run.exitCode()).as(run.trace()).isZero();
        assertThat(run.stdout()).startsWith("ffprobe version 8");
        assertTheStandInWasLoaded(run);
    }

    @Test
    void ffmpegEncodesAClipWithTheStandIn() throws Exception {
        Path clip = folder.resolve("clip.mp4");

        Run run = runWithStandIn("ffmpeg", bytedeco.resolve("ffmpeg").toString(), "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=0.5", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-y", clip.toString());

        assertThat(run.exitCode()).as(run.trace()).isZero();
        assertThat(clip).isNotEmptyFile();
        assertTheStandInWasLoaded(run);
    }

    @Test
    void theJvmLoadsLibavdeviceAgainstTheStandIn() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LibavdeviceLoading.class.getName(), stub.toString());

        Run run = run("jvm", command, Map.of());

        assertThat(run.exitCode()).as(run.trace()).isZero();
        assertThat(run.stdout().lines().filter(file -> file.contains("libpulse")))
                .containsExactly(stub.resolve("libpulse.so.0").toString());
        assertThat(run.stdout()).contains("libavdevice.so");
    }

    private static void assertTheStandInWasLoaded(Run run) {
        List<String> triedForPulse = run.trace().lines()
                .filter(line -> line.contains("trying file="))
                .map(line -> line.substring(line.indexOf("trying file=") + "trying file=".length()))
                .filter(file -> file.endsWith("/libpulse.so.0"))
                .toList();
        assertThat(triedForPulse).containsExactly(stub.resolve("libpulse.so.0").toString());
        assertThat(run.trace()).doesNotContain("libpulsecommon");
    }

    private static Run runWithStandIn(String name, String... command) throws Exception {
        return run(name, List.of(command), Map.of("LD_LIBRARY_PATH", stub + ":" + bytedeco, "LD_DEBUG", "libs"));
    }

    private static Run run(String name, List<String> command, Map<String, String> environment) throws Exception {
        Path stdout = folder.resolve(name + ".out");
        Path stderr = folder.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("LD_LIBRARY_PATH");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String trace) {
    }
}
