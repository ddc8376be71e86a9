package org.kepu.content;

import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;

/** The special columns (专栏) works are filed under, in their display order: pinned first, then by position. */
public interface Columns {

    /** Every column, also those outside their window of visibility (for checking drafts and for editors). */
    Flux<ColumnName> all();

    /** The columns the public sees at {@code now}: those whose window of visibility contains it. */
    Flux<ColumnName> visible(OffsetDateTime now);
}
