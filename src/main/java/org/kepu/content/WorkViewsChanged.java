package org.kepu.content;

import java.util.List;

/**
 * The view totals of these works ({@link WorkViewCounts}) grew: the public site moved counted views to PostgreSQL.
 * Published through {@code platform.ModuleEvents} inside the transaction that adds the views, once per moved batch
 * (never once per view), so that a listener can queue durable work that commits with the new totals.
 */
public record WorkViewsChanged(List<WorkId> works) {

    public WorkViewsChanged {
        works = List.copyOf(works);
    }
}
