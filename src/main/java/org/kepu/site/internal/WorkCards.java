package org.kepu.site.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kepu.content.PublishedWork;
import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaDetails;
import org.kepu.media.Rendition;
import org.kepu.platform.ScheduleProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns published works into cards with their pictures: one query for all the renditions of a page. */
@Component
class WorkCards {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final MediaAssets media;
    private final Topics topics;
    private final ZoneId zone;

    WorkCards(MediaAssets media, Topics topics, ScheduleProperties schedule) {
        this.media = media;
        this.topics = topics;
        this.zone = schedule.timeZone();
    }

    Mono<List<WorkCard>> cards(List<PublishedWork> works) {
        if (works.isEmpty()) {
            return Mono.just(List.of());
        }
        Set<MediaAssetId> assets = new LinkedHashSet<>();
        works.forEach(work -> assets.addAll(pictureSources(work)));
        return Mono.zip(renditions(assets), durations(works), topicNames())
                .map(found -> works.stream().map(work -> card(work, found.getT1(), found.getT2(), found.getT3())).toList());
    }

    Mono<Map<MediaAssetId, Map<String, Rendition>>> renditions(Collection<MediaAssetId> assets) {
        return media.renditions(assets).collectList().map(list -> {
            Map<MediaAssetId, Map<String, Rendition>> byAsset = new HashMap<>();
            list.forEach(r -> byAsset.computeIfAbsent(r.asset(), id -> new HashMap<>()).put(r.name(), r));
            return byAsset;
        });
    }

    Mono<Map<String, String>> topicNames() {
        return topics.all().collectMap(TopicName::slug, TopicName::name);
    }

    String day(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DAY);
    }

    /** For {@code <time datetime>}: HTML allows at most three digits of a second, so whole seconds. */
    static String machineTime(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private Mono<Map<MediaAssetId, Duration>> durations(List<PublishedWork> works) {
        List<MediaAssetId> main = works.stream().filter(work -> !work.media().isEmpty())
                .map(work -> new MediaAssetId(work.media().get(0))).toList();
        if (main.isEmpty()) {
            return Mono.just(Map.of());
        }
        return media.details(main).filter(details -> details.duration() != null)
                .collectMap(MediaDetails::id, MediaDetails::duration);
    }

    private WorkCard card(PublishedWork work, Map<MediaAssetId, Map<String, Rendition>> renditions,
                          Map<MediaAssetId, Duration> durations, Map<String, String> topicNames) {
        Rendition picture = cardPicture(work, renditions);
        Duration duration = work.media().isEmpty() ? null : durations.get(new MediaAssetId(work.media().get(0)));
        List<String> names = new ArrayList<>();
        work.topics().forEach(topic -> names.add(topicNames.getOrDefault(topic, topic)));
        return new WorkCard(work.id().value().toString(), "/works/" + work.id().value(), work.title(), work.summary(),
                work.kind().name(), names, work.organisationName(), day(work.publishedAt()),
                machineTime(work.publishedAt()),
                picture == null ? null : picture.url(), picture == null ? null : picture.width(),
                picture == null ? null : picture.height(), srcset(picture, renditions), duration == null ? null : clock(duration), null, null);
    }

    /** The card's picture: the cover's 480-pixel variant, else the main video's poster. */
    static Rendition picture(PublishedWork work, Map<MediaAssetId, Map<String, Rendition>> renditions) {
        if (work.cover() != null) {
            Map<String, Rendition> cover = renditions.getOrDefault(new MediaAssetId(work.cover()), Map.of());
            Rendition image = cover.getOrDefault("image-480-webp", cover.getOrDefault("image-480", smallestImage(cover)));
            if (image != null) {
                return image;
            }
        }
        for (UUID asset : work.media()) {
            Rendition poster = renditions.getOrDefault(new MediaAssetId(asset), Map.of()).get("poster");
            if (poster != null) {
                return poster;
            }
        }
        return null;
    }

    /** As {@link #picture}, but a poster's 480-pixel variant where processing made one. */
    static Rendition cardPicture(PublishedWork work, Map<MediaAssetId, Map<String, Rendition>> renditions) {
        Rendition picture = picture(work, renditions);
        if (picture == null || !picture.name().equals("poster")) {
            return picture;
        }
        Map<String, Rendition> files = renditions.getOrDefault(picture.asset(), Map.of());
        return files.getOrDefault("poster-480-webp", files.getOrDefault("poster-480", picture));
    }

    /** Every width of the picture's own family ({@code image-<w>-webp}, {@code poster-<w>}, …), or null when it has one. */
    private static String srcset(Rendition picture, Map<MediaAssetId, Map<String, Rendition>> renditions) {
        if (picture == null) {
            return null;
        }
        java.util.regex.Matcher family = java.util.regex.Pattern.compile("(image|poster)-\\d+(-webp)?").matcher(picture.name());
        if (!family.matches()) {
            return null;
        }
        java.util.regex.Pattern sameFamily = java.util.regex.Pattern.compile(
                family.group(1) + "-\\d+" + (family.group(2) == null ? "" : "-webp"));
        List<Rendition> widths = renditions.getOrDefault(picture.asset(), Map.of()).values().stream()
                .filter(r -> r.width() != null && sameFamily.matcher(r.name()).matches())
                .sorted((a, b) -> Integer.compare(a.width(), b.width())).toList();
        return widths.size() < 2 ? null : String.join(", ", widths.stream().map(r -> r.url() + " " + r.width() + "w").toList());
    }

    static List<MediaAssetId> pictureSources(PublishedWork work) {
        List<MediaAssetId> sources = new ArrayList<>();
        if (work.cover() != null) {
            sources.add(new MediaAssetId(work.cover()));
        }
        if (!work.media().isEmpty()) {
            sources.add(new MediaAssetId(work.media().get(0)));
        }
        return sources;
    }

    private static Rendition smallestImage(Map<String, Rendition> renditions) {
        return renditions.values().stream().filter(r -> r.name().startsWith("image-") && r.width() != null)
                .min((a, b) -> Integer.compare(a.width(), b.width())).orElse(null);
    }

    static String clock(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
