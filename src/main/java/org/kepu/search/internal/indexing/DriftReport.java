package org.kepu.search.internal.indexing;

/**
 * PostgreSQL's published set against the index.
 *
 * @param missing  public works the index lacks
 * @param stale    indexed works whose document is older than their public state
 * @param extra    documents of works that are not public (any more)
 * @param repaired documents written or removed to remove the difference (0 when only checked)
 */
record DriftReport(long published, long indexed, int missing, int stale, int extra, int repaired) {

    boolean clean() {
        return missing == 0 && stale == 0 && extra == 0;
    }
}
