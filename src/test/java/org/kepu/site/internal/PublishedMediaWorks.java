package org.kepu.site.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.kepu.ReviewedWorks;
import org.kepu.media.internal.processing.FfmpegProperties;
import org.kepu.media.internal.processing.FfmpegRunner;
import org.kepu.media.internal.processing.FfmpegTools;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * One video work (with Chinese and English captions in its file), one audio work and one article with a PDF
 * to download, of 市营养学会, whose media went through upload and processing and which passed the review chain,
 * as the browser and HTML tests need them: published once per application context (keyed by its port), since
 * processing takes a while. The context must run media processing ({@code kepu.media.processing.enabled=true}).
 */
record PublishedMediaWorks(String video, String videoTitle, String videoTopic, String audio, String audioTitle,
                           String article, String attachmentName) {

    static final String SEARCH_TERM = "地震";
    private static final Duration PROCESSING = Duration.ofSeconds(180);
    private static final Path SAMPLES = Path.of("content-samples");
    private static final Map<Integer, PublishedMediaWorks> BY_PORT = new ConcurrentHashMap<>();

    static PublishedMediaWorks in(WebTestClient anonymous, int port) {
        return BY_PORT.computeIfAbsent(port, ignored -> publish(anonymous));
    }

    private static PublishedMediaWorks publish(WebTestClient anonymous) {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String videoAsset = upload(reviewed, "VIDEO", "地震来了怎么办.mp4", withCaptions(SAMPLES.resolve("video/earthquake-drill.mp4")));
        String audioAsset = upload(reviewed, "AUDIO", "高血压防治小课堂.mp3", read("audio/hypertension.mp3"));
        String attachmentName = "有限空间作业安全（2026 版）.pdf";
        String pdfAsset = upload(reviewed, "DOCUMENT", attachmentName, read("articles/confined-space-safety.pdf"));
        awaitProcessed(reviewed, videoAsset);
        awaitProcessed(reviewed, audioAsset);
        awaitProcessed(reviewed, pdfAsset);

        String videoTitle = "地震来了怎么办 " + suffix;
        Map<String, Object> videoDraft = ReviewedWorks.draft(videoTitle, List.of(videoAsset));
        videoDraft.put("topics", List.of("emergency"));
        videoDraft.put("summary", "地震发生时就近伏地、遮挡、手抓牢，震后有序撤离到空旷地带。");
        videoDraft.put("body", "遇到地震不要慌：就近躲避，远离窗户，不乘电梯。");
        String video = reviewed.create("VIDEO", videoDraft);

        String audioTitle = "高血压防治小课堂 " + suffix;
        Map<String, Object> audioDraft = ReviewedWorks.draft(audioTitle, List.of(audioAsset));
        audioDraft.put("summary", "少盐饮食、规律服药、定期测量血压。");
        String audio = reviewed.create("AUDIO", audioDraft);

        String article = reviewed.create("ARTICLE", ReviewedWorks.draft("有限空间作业安全 " + suffix, List.of(pdfAsset)));

        reviewed.publish(video);
        reviewed.publish(audio);
        reviewed.publish(article);
        return new PublishedMediaWorks(video, videoTitle, "emergency", audio, audioTitle, article, attachmentName);
    }

    private static byte[] read(String sample) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(sample));
        } catch (IOException e) {
            throw new IllegalStateException("sample " + sample + " is missing", e);
        }
    }

    /**
     * The sample video with two subtitle streams added by the bundled ffmpeg, as a phone's editing app writes
     * them into an MP4 ({@code mov_text}): Chinese first, then English.
     */
    static byte[] withCaptions(Path video) {
        try (FfmpegRunner ffmpeg = new FfmpegRunner(new FfmpegTools(FfmpegProperties.defaults()), FfmpegProperties.defaults())) {
            Path folder = Files.createTempDirectory("captioned");
            Path chinese = Files.writeString(folder.resolve("zh.srt"), CHINESE_CAPTIONS);
            Path english = Files.writeString(folder.resolve("en.srt"), "1\n00:00:00,000 --> 00:00:05,000\nDrop, cover and hold on.\n");
            Path captioned = folder.resolve("captioned.mp4");
            ffmpeg.ffmpeg(List.of("-i", video.toString(), "-i", chinese.toString(), "-i", english.toString(),
                    "-map", "0:v", "-map", "0:a", "-map", "1", "-map", "2", "-c:v", "copy", "-c:a", "copy", "-c:s", "mov_text",
                    "-metadata:s:s:0", "language=chi", "-metadata:s:s:1", "language=eng", "-movflags", "+faststart",
                    captioned.toString()), null, null);
            return Files.readAllBytes(captioned);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String CHINESE_CAPTIONS = """
            1
            00:00:00,000 --> 00:00:03,000
            地震来了，不要慌。

            2
            00:00:03,000 --> 00:00:06,000
            伏地、遮挡、手抓牢。

            3
            00:00:06,000 --> 00:00:10,000
            震后有序撤离到空旷地带。
            """;

    private static String upload(ReviewedWorks reviewed, String purpose, String name, byte[] bytes) {
        return (String) reviewed.as("demo-society-member").post().uri("/api/media/assets?purpose={p}", purpose)
                .header("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(bytes)
                .exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    private static void awaitProcessed(ReviewedWorks reviewed, String asset) {
        await("processing of " + asset).atMost(PROCESSING).pollInterval(Duration.ofMillis(500)).until(() -> "PROCESSED".equals(
                reviewed.as("demo-society-member").get().uri("/api/media/assets/{id}", asset).exchange().expectStatus().isOk()
                        .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("status")));
    }

    String videoPath() {
        return "/works/" + video;
    }

    String audioPath() {
        return "/works/" + audio;
    }

    String articlePath() {
        return "/works/" + article;
    }
}
