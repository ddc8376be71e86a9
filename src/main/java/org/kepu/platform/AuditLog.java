package org.kepu.platform;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The append-only record of state changes and permission-relevant actions. {@link #record} joins the
 * caller's R2DBC transaction, so an entry exists exactly when its change was committed; the client
 * address is taken from the request being served, when there is one.
 */
public interface AuditLog {

    /**
     * @param actor   the account that acted, or {@code system}/{@code scheduler} for the platform itself
     * @param action  what happened, e.g. {@code review.decided}, {@code account.created}
     * @param subject what it happened to, e.g. {@code work:<uuid>}, {@code account:<username>}
     * @param details a few facts worth keeping (verdict, stage, revision…), as JSON
     */
    Mono<Void> record(String actor, String action, String subject, Map<String, ?> details);
}
