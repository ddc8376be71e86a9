package org.kepu.content;

import java.util.Collection;

import reactor.core.publisher.Flux;

/** Implemented by the public site, which counts views: the totals of many works in one query; works never viewed are left out. */
public interface WorkViewCounts {

    Flux<WorkViews> of(Collection<WorkId> works);
}
