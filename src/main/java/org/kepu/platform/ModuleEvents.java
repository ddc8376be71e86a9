package org.kepu.platform;

import reactor.core.publisher.Mono;

/**
 * Events that must not be lost: every {@link ModuleEventListener} for the event's type runs inside the
 * publisher's reactive context, hence its transaction, so a listener can queue a durable job that commits
 * or rolls back with the change itself. (Spring's {@code ApplicationEventPublisher} runs a reactive listener
 * outside that context.) After the listeners, the event also goes to ordinary application listeners.
 */
public interface ModuleEvents {

    Mono<Void> publish(Object event);
}
