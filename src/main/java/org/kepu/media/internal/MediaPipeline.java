package org.kepu.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.internal.processing.AudioProcessor;
import org.kepu.media.internal.processing.DocumentExtractor;
import org.kepu.media.internal.processing.ExtractedDocument;
import org.kepu.media.internal.processing.HlsLadder;
import org.kepu.media.internal.processing.HlsRendition;
import org.kepu.media.internal.processing.ImageProcessor;
import org.kepu.media.internal.processing.MediaFacts;
import org.kepu.media.internal.processing.MediaProbe;
import org.kepu.media.internal.processing.ProducedFile;
import org.kepu.media.internal.processing.VideoProcessor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one stored original into its published files, kind by kind. Runs on a processing thread
 * (every call here blocks) and writes its scratch files to a temporary folder it deletes.
 */
@Component
class MediaPipeline {

    private static final int WAVEFORM_PEAKS = 1000;
    private static final long PROGRESS_EVERY_MS = 1000;
    private static final java.util.List<Integer> POSTER_WIDTHS = java.util.List.of(480, 960);

    private final PublishedFiles files;
    private final ProcessingTable table;
    private final MediaProbe probe;
    private final VideoProcessor video;
    private final AudioProcessor audio;
    private final ImageProcessor images;
    private final DocumentExtractor documents;
    private final JsonMapper json;

    MediaPipeline(PublishedFiles files, ProcessingTable table, MediaProbe probe, VideoProcessor video, AudioProcessor audio,
                  ImageProcessor images, DocumentExtractor documents, JsonMapper json) {
        this.files = files;
        this.table = table;
        this.probe = probe;
        this.video = video;
        this.audio = audio;
        this.images = images;
        this.documents = documents;
        this.json = json;
    }

    /** @return the facts found, as JSON */
    String process(MediaAsset asset) throws Exception {
        Path scratch = Files.createTempDirectory("kepu-media-");
        try {
            return switch (asset.purpose()) {
                case VIDEO, ANIMATION -> video(asset, scratch);
                case AUDIO -> audio(asset, scratch);
                case IMAGE -> image(asset, scratch);
                case DOCUMENT -> document(asset, scratch);
            };
        } finally {
            PublishedFiles.deleteQuietly(scratch);
        }
    }

    private String video(MediaAsset asset, Path scratch) throws Exception {
        String input = files.originalUrl(asset.objectKey());
        MediaFacts facts = probe.probe(input);
        probe.checkIntact(input);
        if (!facts.hasVideo()) {
            throw new org.kepu.media.internal.processing.CorruptMediaException("the file has no video stream");
        }
        if (isStillAnimation(asset)) {
            ProducedFile mp4 = video.animationToMp4(input, facts, scratch);
            input = mp4.path().toString();
            facts = probe.probe(input);
        }
        ProducedFile poster = video.poster(input, facts, scratch);
        publish(asset.id(), "poster", poster, "poster.jpg", facts);
        posterVariants(asset.id(), poster, scratch);
        for (VideoProcessor.Captions captions : video.captions(input, facts, scratch)) {
            String path = "captions/" + captions.file().path().getFileName();
            publish(asset.id(), "captions-" + captions.ordinal() + "-" + captions.language(), captions.file(), path, null);
        }
        AtomicBoolean firstRung = new AtomicBoolean(true);
        AtomicLong lastProgress = new AtomicLong();
        HlsLadder ladder = video.hls(input, facts, scratch.resolve("hls"),
                partial -> publishLadder(asset.id(), partial, firstRung.getAndSet(false), scratch),
                done -> reportProgress(asset.id(), done, lastProgress));
        var storyboard = video.storyboard(input, facts, scratch);
        publish(asset.id(), "storyboard", storyboard.sprite(), "storyboard.jpg", null);
        publish(asset.id(), "storyboard-vtt", storyboard.vtt(), "storyboard.vtt", null);
        table.publish(asset.id(), new ProcessingTable.Rendition("hls", "hls/master.m3u8", "application/vnd.apple.mpegurl",
                Files.size(ladder.master().path()), facts.displayWidth(), facts.displayHeight())).block();
        return json.writeValueAsString(facts);
    }

    /** Card-sized posters ({@code poster-480.webp|.jpg}, {@code poster-960…}), made as an article image's variants are. */
    private void posterVariants(MediaAssetId asset, ProducedFile poster, Path scratch) throws Exception {
        String still = poster.path().toString();
        for (ImageProcessor.ImageVariant variant : images.variants(still, probe.probe(still), scratch.resolve("poster-variants"),
                POSTER_WIDTHS)) {
            String name = "poster-" + variant.width();
            publishSized(asset, name + "-webp", variant.webp(), name + ".webp", variant.width(), variant.height());
            publishSized(asset, name, variant.fallback(), name + ".jpg", variant.width(), variant.height());
        }
    }

    private static boolean isStillAnimation(MediaAsset asset) {
        return "image/gif".equals(asset.detectedType()) || "image/apng".equals(asset.detectedType());
    }

    /**
     * Publishes the rungs finished so far and then the master that lists them; after the first, the work can play,
     * and that rung's streams also become the progressive MP4 for players without HLS.
     */
    private void publishLadder(MediaAssetId asset, HlsLadder partial, boolean first, Path scratch) {
        try {
            Path hls = partial.master().path().getParent();
            for (HlsRendition rendition : partial.renditions()) {
                for (ProducedFile file : rendition.files()) {
                    files.publish(asset, file.path(), "hls/" + hls.relativize(file.path()));
                }
            }
            files.publish(asset, partial.master().path(), "hls/master.m3u8");
            if (first) {
                HlsRendition lowest = partial.renditions().get(0);
                ProducedFile mp4 = video.progressiveMp4(lowest, scratch);
                long bytes = files.publish(asset, mp4.path(), "video.mp4");
                table.publish(asset, new ProcessingTable.Rendition("mp4", "video.mp4", mp4.contentType(), bytes,
                        lowest.width(), lowest.height())).block();
                table.playable(asset).block();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish HLS files of " + asset.id(), e);
        }
    }

    private void reportProgress(MediaAssetId asset, double done, AtomicLong last) {
        long now = System.currentTimeMillis();
        if (now - last.get() >= PROGRESS_EVERY_MS) {
            last.set(now);
            table.progress(asset, done).block();
        }
    }

    private String audio(MediaAsset asset, Path scratch) throws Exception {
        String input = files.originalUrl(asset.objectKey());
        MediaFacts facts = probe.probe(input);
        probe.checkIntact(input);
        if (!facts.hasAudio()) {
            throw new org.kepu.media.internal.processing.CorruptMediaException("the file has no audio stream");
        }
        publish(asset.id(), "audio", audio.normalise(input, facts, scratch), "audio.m4a", null);
        table.playable(asset.id()).block();
        publish(asset.id(), "waveform", audio.waveform(input, facts, scratch, WAVEFORM_PEAKS).json(), "waveform.json", null);
        return json.writeValueAsString(facts);
    }

    private String image(MediaAsset asset, Path scratch) throws Exception {
        Path original = files.copyOriginal(asset.objectKey(), scratch.resolve("original"));
        MediaFacts facts = probe.probe(original.toString());
        for (ImageProcessor.ImageVariant variant : images.variants(original.toString(), facts, scratch)) {
            publishSized(asset.id(), "image-" + variant.width() + "-webp", variant.webp(),
                    variant.webp().path().getFileName().toString(), variant.width(), variant.height());
            publishSized(asset.id(), "image-" + variant.width(), variant.fallback(),
                    variant.fallback().path().getFileName().toString(), variant.width(), variant.height());
        }
        return json.writeValueAsString(facts);
    }

    private String document(MediaAsset asset, Path scratch) throws Exception {
        Path original = files.copyOriginal(asset.objectKey(), scratch.resolve("original"));
        ExtractedDocument extracted = documents.extract(original);
        ExtractedDocument metadata = new ExtractedDocument(extracted.contentType(), extracted.title(), extracted.author(),
                extracted.created(), extracted.pages(), extracted.words(), extracted.characters(), extracted.truncated(), null);
        table.extracted(asset.id(), json.writeValueAsString(metadata), extracted.text()).block();
        return json.writeValueAsString(metadata);
    }

    private void publish(MediaAssetId asset, String name, ProducedFile file, String path, MediaFacts facts) throws Exception {
        long bytes = files.publish(asset, file.path(), path);
        table.publish(asset, new ProcessingTable.Rendition(name, path, file.contentType(), bytes,
                facts == null ? null : facts.displayWidth(), facts == null ? null : facts.displayHeight())).block();
    }

    private void publishSized(MediaAssetId asset, String name, ProducedFile file, String path, int width, int height) throws Exception {
        long bytes = files.publish(asset, file.path(), path);
        table.publish(asset, new ProcessingTable.Rendition(name, path, file.contentType(), bytes, width, height)).block();
    }
}
