package org.kepu.notification;

import reactor.core.publisher.Mono;

/** Puts notices in inboxes. Joins the caller's transaction. */
public interface Notifications {

    Mono<Void> send(Notice notice);
}
