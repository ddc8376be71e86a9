package org.kepu.event.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.Rendition;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Public URLs of cover images. An uploaded cover is served by the media module once the series is published; of the
 * WebP variants processing made of it ({@link MediaAssets#renditions}), a cover uses the one {@value #WIDTH} pixels
 * wide, or the widest narrower one, or else the narrowest.
 */
@Component
class EventCovers {

    static final int WIDTH = 960;

    private final MediaAssets media;

    EventCovers(MediaAssets media) {
        this.media = media;
    }

    /** The URL of each asset among {@code assets} that has image renditions; assets not processed yet are left out. */
    Mono<Map<UUID, String>> urls(Collection<UUID> assets) {
        if (assets.isEmpty()) {
            return Mono.just(Map.of());
        }
        return media.renditions(assets.stream().distinct().map(MediaAssetId::new).toList())
                .filter(rendition -> rendition.width() != null && rendition.name().startsWith("image-") && rendition.name().endsWith("-webp"))
                .collectList()
                .map(EventCovers::chosen);
    }

    private static Map<UUID, String> chosen(List<Rendition> renditions) {
        Map<UUID, Rendition> best = new HashMap<>();
        renditions.forEach(rendition -> best.merge(rendition.asset().id(), rendition, EventCovers::better));
        Map<UUID, String> urls = new HashMap<>();
        best.forEach((asset, rendition) -> urls.put(asset, rendition.url()));
        return urls;
    }

    private static Rendition better(Rendition a, Rendition b) {
        boolean aFits = a.width() <= WIDTH;
        if (aFits != (b.width() <= WIDTH)) {
            return aFits ? a : b;
        }
        return aFits == (a.width() >= b.width()) ? a : b;
    }

    /** The series' own URL, or the asset's when it has one. */
    static String cover(String coverUrl, UUID coverAsset, Map<UUID, String> assetUrls) {
        return coverUrl != null ? coverUrl : coverAsset == null ? null : assetUrls.get(coverAsset);
    }
}
