package org.kepu.platform;

import java.util.function.Supplier;

import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** For listeners that clear caches: what they clear must not be refilled from data an open transaction may still roll back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} when the current reactive transaction commits, or at once when there is none. */
    public static Mono<Void> run(Supplier<Mono<Void>> action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(transaction -> {
                    if (!transaction.isSynchronizationActive()) {
                        return action.get();
                    }
                    transaction.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return action.get();
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(noTransaction -> action.get());
    }
}
