package org.kepu.platform.internal.events;

import java.util.List;

import org.kepu.platform.ModuleEventListener;
import org.kepu.platform.ModuleEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class InContextModuleEvents implements ModuleEvents {

    private final ObjectProvider<ModuleEventListener<?>> listeners;
    private final ApplicationEventPublisher applicationEvents;
    private volatile List<ModuleEventListener<?>> resolved;

    InContextModuleEvents(ObjectProvider<ModuleEventListener<?>> listeners, ApplicationEventPublisher applicationEvents) {
        this.listeners = listeners;
        this.applicationEvents = applicationEvents;
    }

    @Override
    public Mono<Void> publish(Object event) {
        return Flux.fromIterable(listeners())
                .filter(listener -> listener.eventType().isInstance(event))
                .concatMap(listener -> deliver(listener, event))
                .then(Mono.fromRunnable(() -> applicationEvents.publishEvent(event)));
    }

    private static <T> Mono<Void> deliver(ModuleEventListener<T> listener, Object event) {
        return listener.on(listener.eventType().cast(event));
    }

    /** Resolved on first use: listeners may depend on beans that publish. */
    private List<ModuleEventListener<?>> listeners() {
        List<ModuleEventListener<?>> known = resolved;
        if (known == null) {
            known = listeners.orderedStream().toList();
            resolved = known;
        }
        return known;
    }
}
