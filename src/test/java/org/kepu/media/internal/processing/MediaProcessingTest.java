package org.kepu.media.internal.processing;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** ffmpeg and Tika for real, on inputs the test makes itself with ffmpeg, POI and PDFBox. */
class MediaProcessingTest {

    @TempDir
    static Path folder;

    static FfmpegRunner runner;
    static MediaProbe probe;
    static Path clip;

    @BeforeAll
    static void makeClip() {
        runner = new FfmpegRunner(new FfmpegTools(FfmpegProperties.defaults()), FfmpegProperties.defaults());
        probe = new MediaProbe(runner);
        clip = folder.resolve("clip.mp4");
        runner.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi",
                "-i", "sine=frequency=440", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-pix_fmt", "yuv420p", "-metadata", "title=四秒测试片", "-metadata", "artist=科普测试组",
                "-metadata", "creation_time=2026-05-20T08:00:00Z", clip.toString()), null, null);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void probeReadsTheFactsOfAClip() {
        MediaFacts facts = probe.probe(clip.toString());

        assertThat(facts.durationSeconds()).isCloseTo(4.0, within(0.2));
        assertThat(facts.width()).isEqualTo(1280);
        assertThat(facts.height()).isEqualTo(720);
        assertThat(facts.rotation()).isZero();
        assertThat(facts.videoCodec()).isEqualTo("h264");
        assertThat(facts.audioCodec()).isEqualTo("aac");
        assertThat(facts.bitRate()).isPositive();
        assertThat(facts.frameRate()).isCloseTo(25.0, within(0.01));
        assertThat(facts.title()).isEqualTo("四秒测试片");
        assertThat(facts.author()).isEqualTo("科普测试组");
        assertThat(facts.created()).startsWith("2026-05-20T08:00:00");
    }

    @Test
    void aTruncatedMp4IsCorrupt() throws Exception {
        byte[] bytes = Files.readAllBytes(clip);
        Path half = Files.write(folder.resolve("half.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> probe.probe(half.toString()))
                .isInstanceOf(CorruptMediaException.class)
                .hasMessageContaining("moov atom not found");
    }

    @Test
    void aPlaylistIsNotAcceptedAsAnUpload() throws Exception {
        Path playlist = Files.writeString(folder.resolve("evil.m3u8"),
                "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");

        assertThatThrownBy(() -> probe.probe(playlist.toString())).isInstanceOf(CorruptMediaException.class);
    }

    @Test
    void videoGetsPosterStoryboardAndAnHlsLadderLowestRungFirst() throws Exception {
        MediaFacts facts = probe.probe(clip.toString());
        VideoProcessor video = new VideoProcessor(runner);
        Path out = folder.resolve("video");

        ProducedFile poster = video.poster(clip.toString(), facts, out);
        assertThat(Files.readAllBytes(poster.path())).startsWith(0xFF, 0xD8, 0xFF);

        Storyboard storyboard = video.storyboard(clip.toString(), facts, out);
        assertThat(storyboard.tiles()).isEqualTo(4);
        assertThat(probe.probe(storyboard.sprite().path().toString()).width()).isEqualTo(4 * 160);
        assertThat(Files.readString(storyboard.vtt().path())).startsWith("WEBVTT")
                .contains("00:00:03.000 --> 00:00:04.000\nstoryboard.jpg#xywh=480,0,160,90");

        List<Integer> rungsWhenPublishable = new CopyOnWriteArrayList<>();
        List<Double> progress = new CopyOnWriteArrayList<>();
        HlsLadder ladder = video.hls(clip.toString(), facts, out.resolve("hls"),
                partial -> rungsWhenPublishable.add(partial.renditions().size()), progress::add);

        assertThat(rungsWhenPublishable).containsExactly(1, 2);
        assertThat(ladder.renditions()).extracting(HlsRendition::name).containsExactly("360p", "720p");
        assertThat(ladder.renditions()).extracting(HlsRendition::width).containsExactly(640, 1280);
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
        String master = Files.readString(ladder.master().path());
        assertThat(master).contains("RESOLUTION=640x360", "RESOLUTION=1280x720", "CODECS=\"avc1.640028,mp4a.40.2\"",
                "BANDWIDTH=", "360p/index.m3u8", "720p/index.m3u8");
        assertThat(Files.readString(ladder.renditions().get(0).playlist()))
                .contains("#EXT-X-MAP:URI=\"init.mp4\"", "seg_0000.m4s");

        JsonNode playable = JsonMapper.builder().build().readTree(runner.ffprobe(List.of("-print_format", "json",
                "-show_streams", ladder.master().path().toString())));
        assertThat(playable.path("streams").valueStream().map(s -> s.path("codec_type").asString()))
                .contains("video", "audio");
        for (HlsRendition rendition : ladder.renditions()) {
            assertThat(heightOf(rendition.playlist())).isEqualTo(rendition.height());
        }

        ProducedFile mp4 = video.progressiveMp4(ladder.renditions().get(0), out);
        MediaFacts progressive = probe.probe(mp4.path().toString());
        assertThat(progressive.videoCodec()).isEqualTo("h264");
        assertThat(progressive.audioCodec()).isEqualTo("aac");
        assertThat(progressive.width()).isEqualTo(640);
        assertThat(progressive.durationSeconds()).isCloseTo(4.0, within(0.3));
        String head = new String(Files.readAllBytes(mp4.path()), 0, 4096, StandardCharsets.ISO_8859_1);
        int mdat = head.indexOf("mdat");
        assertThat(head.indexOf("moov")).as("faststart: the index before the media").isPositive()
                .isLessThan(mdat < 0 ? Integer.MAX_VALUE : mdat);
        assertThat(Files.size(mp4.path())).as("the rung's streams copied, not encoded again")
                .isCloseTo(folderSize(ladder.renditions().get(0).folder()), org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void subtitleStreamsBecomeWebVttCaptionsWithTheirLanguage() throws Exception {
        Path chinese = Files.writeString(folder.resolve("zh.srt"),
                "1\n00:00:00,000 --> 00:00:01,500\n地震来了不要慌\n\n2\n00:00:01,500 --> 00:00:03,000\n伏地、遮挡、手抓牢\n");
        Path english = Files.writeString(folder.resolve("en.srt"), "1\n00:00:00,000 --> 00:00:02,000\nDrop, cover, hold on\n");
        Path mp4 = folder.resolve("subtitled.mp4");
        runner.ffmpeg(List.of("-i", clip.toString(), "-i", chinese.toString(), "-i", english.toString(),
                "-map", "0", "-map", "1", "-map", "2", "-c:v", "copy", "-c:a", "copy", "-c:s", "mov_text",
                "-metadata:s:s:0", "language=chi", "-metadata:s:s:1", "language=eng", mp4.toString()), null, null);
        Path mkv = folder.resolve("subtitled.mkv");
        runner.ffmpeg(List.of("-i", clip.toString(), "-i", chinese.toString(), "-map", "0", "-map", "1", "-c:v", "copy",
                "-c:a", "copy", "-c:s", "srt", mkv.toString()), null, null);
        VideoProcessor video = new VideoProcessor(runner);

        MediaFacts facts = probe.probe(mp4.toString());
        assertThat(facts.subtitles()).extracting(SubtitleStream::codec).containsExactly("mov_text", "mov_text");
        List<VideoProcessor.Captions> captions = video.captions(mp4.toString(), facts, folder.resolve("captions-mp4"));
        List<VideoProcessor.Captions> fromMkv = video.captions(mkv.toString(), probe.probe(mkv.toString()), folder.resolve("captions-mkv"));

        assertThat(captions).extracting(VideoProcessor.Captions::language).containsExactly("zh", "en");
        assertThat(captions.get(0).file().path().getFileName()).hasToString("0-zh.vtt");
        assertThat(Files.readString(captions.get(0).file().path())).startsWith("WEBVTT")
                .contains("00:00.000 --> 00:01.500\n地震来了不要慌", "伏地、遮挡、手抓牢");
        assertThat(Files.readString(captions.get(1).file().path())).contains("Drop, cover, hold on");
        assertThat(fromMkv).singleElement().satisfies(track -> {
            assertThat(track.language()).isEqualTo("und");
            assertThat(Files.readString(track.file().path())).contains("地震来了不要慌");
        });
        assertThat(video.captions(clip.toString(), probe.probe(clip.toString()), folder.resolve("none"))).isEmpty();
    }

    @Test
    void captionLanguagesBecomeBcp47Tags() {
        assertThat(CaptionLanguage.of("chi")).isEqualTo("zh");
        assertThat(CaptionLanguage.of("zho")).isEqualTo("zh");
        assertThat(CaptionLanguage.of("zh-CN")).isEqualTo("zh-cn");
        assertThat(CaptionLanguage.of("eng")).isEqualTo("en");
        assertThat(CaptionLanguage.of("ger")).isEqualTo("de");
        assertThat(CaptionLanguage.of("und")).isEqualTo("und");
        assertThat(CaptionLanguage.of(null)).isEqualTo("und");
        assertThat(CaptionLanguage.of("../x")).isEqualTo("und");
    }

    private static long folderSize(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> !f.toString().endsWith(".m3u8")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void anAnimatedGifBecomesMp4AndHlsWithoutUpscaling() {
        Path gif = folder.resolve("animation.gif");
        runner.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10", "-t", "2", gif.toString()), null, null);
        MediaFacts facts = probe.probe(gif.toString());
        VideoProcessor video = new VideoProcessor(runner);

        ProducedFile mp4 = video.animationToMp4(gif.toString(), facts, folder.resolve("gif"));
        HlsLadder ladder = video.hlsAsync(gif.toString(), facts, folder.resolve("gif/hls"), null, null).block();

        assertThat(probe.probe(mp4.path().toString()).videoCodec()).isEqualTo("h264");
        assertThat(ladder.renditions()).singleElement()
                .satisfies(rendition -> assertThat(rendition.height()).isEqualTo(240))
                .satisfies(rendition -> assertThat(rendition.codecs()).isEqualTo("avc1.640028"));
    }

    @Test
    void audioGetsALoudnessNormalisedM4aAndWaveformPeaks() throws Exception {
        Path wav = folder.resolve("tone.wav");
        runner.ffmpeg(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=5", "-af", "volume=0.3",
                wav.toString()), null, null);
        MediaFacts facts = probe.probe(wav.toString());
        AudioProcessor audio = new AudioProcessor(runner);

        ProducedFile m4a = audio.normalise(wav.toString(), facts, folder.resolve("audio"));
        AudioProcessor.Waveform waveform = audio.waveform(wav.toString(), facts, folder.resolve("audio"), 800);

        MediaFacts normalised = probe.probe(m4a.path().toString());
        assertThat(normalised.audioCodec()).isEqualTo("aac");
        assertThat(normalised.durationSeconds()).isCloseTo(5.0, within(0.2));
        JsonNode json = JsonMapper.builder().build().readTree(waveform.json().path().toFile());
        assertThat(json.path("peaks").size()).isEqualTo(800);
        assertThat(java.util.Arrays.stream(waveform.peaks())).allSatisfy(peak -> assertThat(peak).isBetween(0.0, 1.0));
        assertThat(waveform.peaks()).contains(1.0);
        assertThat(waveform.peaks()[400]).isGreaterThan(0.9);
    }

    @Test
    void imagesGetWebpAndFallbackVariantsNeverUpscaled() throws Exception {
        Path png = folder.resolve("photo.png");
        runner.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=2000x1000", "-frames:v", "1", png.toString()), null, null);
        Path transparent = folder.resolve("logo.png");
        runner.ffmpeg(List.of("-f", "lavfi", "-i", "color=c=red@0.5:size=300x200,format=rgba", "-frames:v", "1",
                transparent.toString()), null, null);
        ImageProcessor images = new ImageProcessor(runner);

        var photo = images.variants(png.toString(), probe.probe(png.toString()), folder.resolve("images"));
        var logo = images.variants(transparent.toString(), probe.probe(transparent.toString()), folder.resolve("logo"));

        assertThat(photo).extracting(ImageProcessor.ImageVariant::width).containsExactly(480, 960, 1600);
        assertThat(photo.get(0).height()).isEqualTo(240);
        byte[] webp = Files.readAllBytes(photo.get(2).webp().path());
        assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(Files.readAllBytes(photo.get(2).fallback().path())).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(probe.probe(photo.get(2).webp().path().toString()).width()).isEqualTo(1600);
        assertThat(logo).singleElement().satisfies(variant -> {
            assertThat(variant.width()).isEqualTo(300);
            assertThat(variant.fallback().contentType()).isEqualTo("image/png");
        });
    }

    @Test
    void aRunawayCommandIsKilledAtItsTimeLimit() {
        var quick = new FfmpegProperties(null, null, 1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (FfmpegRunner impatient = new FfmpegRunner(new FfmpegTools(quick), quick)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> impatient.ffmpeg(List.of("-re", "-f", "lavfi", "-i", "testsrc2=rate=25",
                    "-t", "60", "-f", "null", "-"), null, null))
                    .isInstanceOfSatisfying(ToolFailedException.class, e -> assertThat(e.timedOut()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aNativeLibraryThatCannotLoadFailsTheWorkInsteadOfHangingIt() {
        Mono<Object> broken = runner.offload(() -> {
            throw new UnsatisfiedLinkError("no jniavdevice in java.library.path");
        });

        assertThatThrownBy(() -> broken.block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no jniavdevice");
    }

    @Test
    void aFailingCommandReportsTheEndOfItsStandardError() {
        assertThatThrownBy(() -> runner.ffmpeg(List.of("-i", folder.resolve("missing.mp4").toString(),
                "-f", "null", "-"), null, null))
                .isInstanceOf(ToolFailedException.class)
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void theReactiveEntryPointRunsOnTheFfmpegPool() {
        AtomicReference<String> thread = new AtomicReference<>();
        StepVerifier.create(runner.offload(() -> {
                    thread.set(Thread.currentThread().getName());
                    return probe.probe(clip.toString());
                }))
                .assertNext(facts -> assertThat(facts.height()).isEqualTo(720))
                .verifyComplete();
        assertThat(thread.get()).startsWith("kepu-media-ffmpeg");
    }

    @Test
    void progressIsReadFromFfmpegProgressOutput() throws Exception {
        List<Double> seen = new ArrayList<>();
        FfmpegRunner.readProgress(new BufferedReader(new StringReader(
                "frame=1\nout_time_us=1000000\nprogress=continue\nout_time_us=N/A\nprogress=continue\n"
                        + "out_time_us=3000000\nprogress=continue\nprogress=end\n")), Duration.ofSeconds(4), seen::add);
        assertThat(seen).containsExactly(0.25, 0.25, 0.75, 1.0);
    }

    @Test
    void peaksAreReadFromOddlySplitPcm() throws Exception {
        byte[] pcm = {0x10, 0x00, (byte) 0xF0, (byte) 0xFF, 0x00, 0x40, 0x01, 0x00};
        int[] maxima = new int[2];
        AudioProcessor.readPeaks(new java.io.SequenceInputStream(new ByteArrayInputStream(pcm, 0, 3),
                new ByteArrayInputStream(pcm, 3, 5)), maxima, 2.0);
        assertThat(maxima).containsExactly(16, 16384);
    }

    private static int heightOf(Path playlist) {
        JsonNode json = JsonMapper.builder().build().readTree(runner.ffprobe(List.of("-print_format", "json",
                "-show_streams", "-select_streams", "v:0", playlist.toString())));
        return json.path("streams").get(0).path("height").asInt();
    }
}
