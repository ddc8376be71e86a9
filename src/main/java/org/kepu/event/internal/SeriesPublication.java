package org.kepu.event.internal;

import java.util.List;
import java.util.Map;

import org.kepu.media.MediaAssetId;
import org.kepu.media.PublicMedia;
import org.kepu.event.EventsChanged;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ModuleEvents;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes a series public: its status, its cover image among the public media (the media module serves an asset only
 * while something published uses it; the series' id stands for the "work" there), and the reminder jobs of its
 * occurrences that take registrations. Joins the caller's transaction.
 */
@Component
class SeriesPublication {

    private final SeriesTable series;
    private final PublicMedia publicMedia;
    private final AuditLog audit;
    private final Reminders reminders;
    private final ModuleEvents events;

    SeriesPublication(SeriesTable series, PublicMedia publicMedia, AuditLog audit, Reminders reminders, ModuleEvents events) {
        this.events = events;
        this.series = series;
        this.publicMedia = publicMedia;
        this.audit = audit;
        this.reminders = reminders;
    }

    Mono<Void> publish(Series approved, String by, String via) {
        List<MediaAssetId> assets = approved.coverAsset() == null ? List.of() : List.of(new MediaAssetId(approved.coverAsset()));
        return series.published(approved.id(), by)
                .then(publicMedia.release(approved.id(), assets))
                .then(reminders.scheduleSeries(approved.id()))
                .then(audit.record(by, "event.published", SeriesEditor.subject(approved.id()),
                        Map.of("title", approved.title(), "via", via)))
                .then(events.publish(new EventsChanged(approved.id().toString())));
    }
}
