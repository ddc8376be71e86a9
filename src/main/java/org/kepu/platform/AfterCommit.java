package org.kepu.platform;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** For listeners that clear caches: what they clear must not be refilled from data an open transaction may still roll back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code action} when the current reactive transaction commits, or at once when there is none. The action runs
     * at most once; its failure is the returned {@code Mono}'s (at once) or the commit's.
     */
    public static Mono<Void> run(Supplier<Mono<Void>> action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .map(Optional::of)
                .onErrorReturn(NoTransactionException.class, Optional.empty())
                .flatMap(transaction -> {
                    if (transaction.isEmpty() || !transaction.get().isSynchronizationActive()) {
                        return action.get();
                    }
                    transaction.get().registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return action.get();
                        }
                    });
                    return Mono.<Void>empty();
                });
    }
}
