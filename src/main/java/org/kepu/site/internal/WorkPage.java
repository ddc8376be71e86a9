package org.kepu.site.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.content.WorkListing;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaDetails;
import org.kepu.media.Rendition;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A work's page: the player or the article, credits, tags and related works. */
@RestController
class WorkPage {

    private static final int RELATED = 4;
    /** A refused document has no original left (the download answers 404 as for any other missing file). */
    private static final java.util.Set<org.kepu.media.MediaAssetStatus> DOWNLOADABLE = java.util.EnumSet.of(
            org.kepu.media.MediaAssetStatus.STORED, org.kepu.media.MediaAssetStatus.PROCESSING,
            org.kepu.media.MediaAssetStatus.PLAYABLE, org.kepu.media.MediaAssetStatus.PROCESSED);

    private final PageResponses pages;
    private final PageRenderer renderer;
    private final PublishedWorks works;
    private final MediaAssets media;
    private final WorkCards cards;
    private final MostViewed views;
    private final StructuredData structured;

    WorkPage(PageResponses pages, PageRenderer renderer, PublishedWorks works, MediaAssets media, WorkCards cards,
             MostViewed views, StructuredData structured) {
        this.pages = pages;
        this.renderer = renderer;
        this.works = works;
        this.media = media;
        this.cards = cards;
        this.views = views;
        this.structured = structured;
    }

    /**
     * What the page plays or shows: HLS playlist, progressive MP4 (null for videos processed before it existed),
     * captions, poster, audio file, waveform peaks, article figures.
     */
    record Player(String hls, String mp4, List<Captions> captions, String poster, Integer width, Integer height, String audio,
                  String waveform, String duration, String isoDuration, List<Figure> figures) {
    }

    /** A {@code <track kind="captions">}; {@code language} is null when the file did not say. */
    record Captions(String src, String language, String label, boolean isDefault) {
    }

    /** A document offered for download under the article. */
    record Attachment(String url, String name, String type, String size) {
    }

    record Figure(String src, String srcsetWebp, String srcset, Integer width, Integer height, String caption) {
    }

    record CreditLine(String role, String name) {
    }

    @GetMapping(value = "/works/{id}", produces = "text/html")
    Mono<ResponseEntity<byte[]>> work(@PathVariable String id, ServerWebExchange exchange) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "page-not-found"));
        }
        return pages.page(exchange, request -> works.find(new WorkId(uuid))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "page-not-found")))
                .flatMap(work -> render(request, work)));
    }

    private Mono<RenderedPage> render(SiteRequest request, PublishedWork work) {
        List<MediaAssetId> assets = new ArrayList<>(work.media().stream().map(MediaAssetId::new).toList());
        if (work.cover() != null) {
            assets.add(new MediaAssetId(work.cover()));
        }
        WorkListing relatedListing = new WorkListing(work.topics().isEmpty() ? null : work.topics().get(0), null, null, null,
                List.of(work.id()), 0, RELATED);
        return Mono.zip(cards.renditions(assets), media.details(assets).collectList(),
                        works.list(relatedListing).collectList().flatMap(cards::cards), cards.topicNames(), views.views(work.id()))
                .flatMap(found -> {
                    Player player = player(work, found.getT1(), found.getT2(), request);
                    Rendition picture = WorkCards.picture(work, found.getT1());
                    String image = picture == null ? null : picture.url();
                    List<Crumb> crumbs = crumbs(request, work, found.getT4());
                    String description = work.summary() == null || work.summary().isBlank() ? work.title() : work.summary();
                    String playable = player.hls() != null ? player.hls() : player.audio();
                    PageMeta meta = new PageMeta(work.title(), description, "/works/" + work.id().value(), image, openGraphType(work),
                            crumbs, List.of(structured.work(request, work, image, playable, player.isoDuration()),
                            structured.breadcrumbs(request, crumbs)), null, false);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("work", work);
                    model.put("date", cards.day(work.publishedAt()));
                    model.put("isoDate", WorkCards.machineTime(work.publishedAt()));
                    model.put("topics", work.topics().stream().map(slug -> new Crumb(found.getT4().getOrDefault(slug, slug), "/topics/" + slug)).toList());
                    model.put("player", player);
                    model.put("attachments", attachments(work, found.getT2(), request));
                    model.put("credits", credits(work));
                    model.put("related", found.getT3());
                    model.put("views", found.getT5());
                    return renderer.render(request, "site/work", meta, model);
                });
    }

    private List<Crumb> crumbs(SiteRequest request, PublishedWork work, Map<String, String> topicNames) {
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(renderer.message("site.crumb.home", request), "/"));
        if (!work.topics().isEmpty()) {
            String topic = work.topics().get(0);
            crumbs.add(new Crumb(topicNames.getOrDefault(topic, topic), "/topics/" + topic));
        }
        crumbs.add(new Crumb(work.title(), "/works/" + work.id().value()));
        return crumbs;
    }

    private Player player(PublishedWork work, Map<MediaAssetId, Map<String, Rendition>> renditions, List<MediaDetails> details,
                          SiteRequest request) {
        String hls = null;
        String mp4 = null;
        List<Captions> captions = List.of();
        String poster = null;
        String audio = null;
        String waveform = null;
        Integer width = null;
        Integer height = null;
        Duration duration = null;
        List<Figure> figures = new ArrayList<>();
        for (UUID id : work.media()) {
            MediaAssetId asset = new MediaAssetId(id);
            Map<String, Rendition> files = renditions.getOrDefault(asset, Map.of());
            if (hls == null && files.containsKey("hls")) {
                hls = files.get("hls").url();
                mp4 = files.containsKey("mp4") ? files.get("mp4").url() : null;
                captions = captions(files, request);
                Rendition still = files.get("poster");
                poster = still == null ? null : still.url();
                width = still == null ? null : still.width();
                height = still == null ? null : still.height();
                duration = duration(details, asset);
            } else if (audio == null && files.containsKey("audio")) {
                audio = files.get("audio").url();
                waveform = files.containsKey("waveform") ? files.get("waveform").url() : null;
                duration = duration(details, asset);
            } else if (work.kind() == org.kepu.content.WorkKind.ARTICLE) {
                Figure figure = figure(files, caption(details, asset));
                if (figure != null) {
                    figures.add(figure);
                }
            }
        }
        return new Player(hls, mp4, captions, poster, width, height, audio, waveform, duration == null ? null : WorkCards.clock(duration),
                duration == null ? null : duration.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), figures);
    }

    /** The captions found in the file, in its order; the first Chinese track (else none) shows by default. */
    private List<Captions> captions(Map<String, Rendition> files, SiteRequest request) {
        List<Rendition> tracks = files.values().stream().filter(r -> r.name().startsWith("captions-"))
                .sorted(java.util.Comparator.comparingInt(r -> ordinal(r.name()))).toList();
        List<Captions> captions = new ArrayList<>();
        boolean chosen = false;
        for (Rendition track : tracks) {
            String language = track.name().substring(track.name().indexOf('-', "captions-".length()) + 1);
            boolean known = !language.equals("und");
            boolean chinese = language.equals("zh") || language.startsWith("zh-");
            String name = known ? java.util.Locale.forLanguageTag(language).getDisplayLanguage(request.locale()) : "";
            String label = name.isEmpty() || name.equals(language) ? renderer.message("site.work.captions", request)
                    : renderer.message("site.work.captions-in", request, name);
            captions.add(new Captions(track.url(), known ? language : null, label, chinese && !chosen));
            chosen |= chinese;
        }
        return captions;
    }

    private static int ordinal(String name) {
        String rest = name.substring("captions-".length());
        int dash = rest.indexOf('-');
        try {
            return Integer.parseInt(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** An article's documents, in the work's order: name as uploaded, type and size. */
    private List<Attachment> attachments(PublishedWork work, List<MediaDetails> details, SiteRequest request) {
        if (work.kind() != org.kepu.content.WorkKind.ARTICLE) {
            return List.of();
        }
        Map<UUID, MediaDetails> byId = new java.util.HashMap<>();
        details.forEach(d -> byId.put(d.id().id(), d));
        List<Attachment> attachments = new ArrayList<>();
        for (UUID id : work.media()) {
            MediaDetails document = byId.get(id);
            if (document != null && document.downloadUrl() != null && document.detectedType() != null
                    && DOWNLOADABLE.contains(document.status())) {
                attachments.add(new Attachment(document.downloadUrl(), document.originalName(),
                        renderer.message(FileSizes.typeKey(document.detectedType()), request),
                        FileSizes.readable(document.size() == null ? 0 : document.size())));
            }
        }
        return attachments;
    }

    private static Figure figure(Map<String, Rendition> files, String caption) {
        List<Rendition> images = files.values().stream().filter(r -> r.name().startsWith("image-") && !r.name().endsWith("-webp"))
                .sorted((a, b) -> Integer.compare(a.width(), b.width())).toList();
        if (images.isEmpty()) {
            return null;
        }
        Rendition medium = images.stream().filter(r -> r.width() >= 960).findFirst().orElse(images.get(images.size() - 1));
        StringBuilder srcset = new StringBuilder();
        StringBuilder webp = new StringBuilder();
        for (Rendition image : images) {
            srcset.append(srcset.isEmpty() ? "" : ", ").append(image.url()).append(' ').append(image.width()).append('w');
            Rendition modern = files.get(image.name() + "-webp");
            if (modern != null) {
                webp.append(webp.isEmpty() ? "" : ", ").append(modern.url()).append(' ').append(modern.width()).append('w');
            }
        }
        return new Figure(medium.url(), webp.isEmpty() ? null : webp.toString(), srcset.toString(), medium.width(), medium.height(), caption);
    }

    private static Duration duration(List<MediaDetails> details, MediaAssetId asset) {
        return details.stream().filter(d -> d.id().equals(asset)).map(MediaDetails::duration).filter(d -> d != null).findFirst().orElse(null);
    }

    private static String caption(List<MediaDetails> details, MediaAssetId asset) {
        return details.stream().filter(d -> d.id().equals(asset))
                .map(d -> d.title() != null ? d.title() : d.originalName()).findFirst().orElse("");
    }

    private static List<CreditLine> credits(PublishedWork work) {
        return work.credits().stream().map(credit -> {
            int colon = credit.indexOf(':');
            return colon < 0 ? new CreditLine("OTHER", credit) : new CreditLine(credit.substring(0, colon), credit.substring(colon + 1));
        }).toList();
    }

    private static String openGraphType(PublishedWork work) {
        return switch (work.kind()) {
            case VIDEO, ANIMATION -> "video.other";
            case AUDIO -> "music.song";
            case ARTICLE -> "article";
        };
    }
}
