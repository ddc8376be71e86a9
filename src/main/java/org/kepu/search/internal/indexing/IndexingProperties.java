package org.kepu.search.internal.indexing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bulkSize      works per bulk request during a full reindex or a drift repair, and per popularity refresh job
 * @param maxAttempts   tries of one indexing job before it is left failed (the drift check still repairs it)
 * @param driftInterval how often a worker instance compares PostgreSQL's published set with the index and
 *                      repairs differences; zero turns the periodic check off
 * @param command       {@code reindex} or {@code drift}: run that once and exit instead of serving
 */
@ConfigurationProperties("kepu.search.indexing")
public record IndexingProperties(@DefaultValue("500") int bulkSize,
                                 @DefaultValue("30") int maxAttempts,
                                 @DefaultValue("5m") Duration driftInterval,
                                 String command) {
}
