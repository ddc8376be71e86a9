package org.kepu.platform;

import reactor.core.publisher.Mono;

/** Reacts to a {@link ModuleEvents} event inside the publisher's transaction; a failure rolls the change back. */
public interface ModuleEventListener<T> {

    Class<T> eventType();

    Mono<Void> on(T event);
}
