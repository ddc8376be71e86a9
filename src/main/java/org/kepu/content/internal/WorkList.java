package org.kepu.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kepu.content.WorkId;
import org.kepu.content.WorkKind;
import org.kepu.content.WorkReview;
import org.kepu.content.WorkReviews;
import org.kepu.content.WorkViewCounts;
import org.kepu.content.WorkViews;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaProcessing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Composes the console's works list: one query for the page of works (and one to count them), then one batch per
 * source for the page: the latest review cases (review, through {@link WorkReviews}), the assets' processing
 * (media), the view totals (site, through {@link WorkViewCounts}). A status filter that depends on review asks
 * review once for the works in that state.
 */
@Component
class WorkList {

    /** What to list; {@code organisation} null lists every organisation's works. */
    record Query(String organisation, WorkStatus status, WorkKind kind, String titleContains, int page, int size) {
    }

    private final WorkListTable table;
    private final MediaAssets media;
    private final ObjectProvider<WorkReviews> reviews;
    private final ObjectProvider<WorkViewCounts> views;

    WorkList(WorkListTable table, MediaAssets media, ObjectProvider<WorkReviews> reviews, ObjectProvider<WorkViewCounts> views) {
        this.table = table;
        this.media = media;
        this.reviews = reviews;
        this.views = views;
    }

    Mono<WorkListItem.Page> page(Query query) {
        return criteria(query).flatMap(criteria -> Mono.zip(
                        table.page(criteria, query.page() * query.size(), query.size()).collectList(), table.count(criteria)))
                .flatMap(found -> compose(found.getT1())
                        .map(items -> new WorkListItem.Page(items, query.page(), query.size(), found.getT2())));
    }

    private Mono<WorkListTable.Criteria> criteria(Query query) {
        WorkStatus status = query.status();
        if (status == null) {
            return Mono.just(new WorkListTable.Criteria(query.organisation(), query.kind(), query.titleContains(), null, null, false));
        }
        boolean byPhase = status.phase() != null;
        Set<WorkReview.Phase> phases = byPhase ? Set.of(status.phase()) : WorkStatus.pendingPhases();
        return worksIn(phases).map(ids -> new WorkListTable.Criteria(query.organisation(), query.kind(), query.titleContains(),
                byPhase ? null : status == WorkStatus.PUBLISHED, ids, byPhase));
    }

    private Mono<List<UUID>> worksIn(Set<WorkReview.Phase> phases) {
        WorkReviews source = reviews.getIfAvailable();
        return source == null ? Mono.just(List.of()) : source.worksIn(phases).map(WorkId::value).collectList();
    }

    private Mono<List<WorkListItem>> compose(List<WorkListTable.Row> rows) {
        if (rows.isEmpty()) {
            return Mono.just(List.of());
        }
        List<WorkId> ids = rows.stream().map(row -> new WorkId(row.id())).toList();
        List<MediaAssetId> assets = rows.stream().flatMap(row -> assetsOf(row).stream()).distinct().map(MediaAssetId::new).toList();
        WorkReviews reviewSource = reviews.getIfAvailable();
        WorkViewCounts viewSource = views.getIfAvailable();
        Mono<Map<WorkId, WorkReview>> latest = byKey(reviewSource == null ? Flux.empty() : reviewSource.latest(ids), WorkReview::work);
        Mono<Map<UUID, MediaProcessing>> processing = byKey(media.processing(assets), state -> state.id().id());
        Mono<Map<WorkId, WorkViews>> counted = byKey(viewSource == null ? Flux.empty() : viewSource.of(ids), WorkViews::work);
        return Mono.zip(latest, processing, counted).map(found -> rows.stream()
                .map(row -> item(row, found.getT1().get(new WorkId(row.id())), found.getT2(), found.getT3().get(new WorkId(row.id()))))
                .toList());
    }

    private static WorkListItem item(WorkListTable.Row row, WorkReview review, Map<UUID, MediaProcessing> processing, WorkViews views) {
        List<WorkListItem.Media> media = new ArrayList<>();
        for (UUID asset : row.media()) {
            media.add(media(asset, "MEDIA", processing.get(asset)));
        }
        if (row.cover() != null) {
            media.add(media(row.cover(), "COVER", processing.get(row.cover())));
        }
        return new WorkListItem(row.id(), row.kind(),
                new WorkListItem.Organisation(row.organisationId(), row.organisation(), row.organisationName()), row.title(),
                row.draftRevision(), row.publishedRevision(), row.updatedAt(), WorkStatus.of(review, row.publishedRevision()),
                WorkListItem.Review.of(review), media, WorkListItem.Views.of(views));
    }

    private static WorkListItem.Media media(UUID asset, String use, MediaProcessing state) {
        return state == null ? new WorkListItem.Media(asset, use, null, null, null)
                : new WorkListItem.Media(asset, use, state.purpose().name(), state.status().name(), state.progress());
    }

    private static List<UUID> assetsOf(WorkListTable.Row row) {
        List<UUID> assets = new ArrayList<>(row.media());
        if (row.cover() != null) {
            assets.add(row.cover());
        }
        return assets;
    }

    private static <K, V> Mono<Map<K, V>> byKey(Flux<V> values, Function<V, K> key) {
        return values.collect(Collectors.toMap(key, Function.identity(), (first, second) -> first));
    }

}
