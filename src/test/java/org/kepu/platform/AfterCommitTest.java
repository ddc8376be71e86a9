package org.kepu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionContextManager;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

class AfterCommitTest {

    private final List<String> steps = new ArrayList<>();
    private final TransactionalOperator transactional = TransactionalOperator.create(new RecordingTransactions(steps));

    @Test
    void withoutATransactionTheActionRunsAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        AfterCommit.run(() -> Mono.fromRunnable(runs::incrementAndGet)).block();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingActionFailsOnceAndIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        Mono<Void> failing = AfterCommit.run(() -> Mono.defer(() -> {
            runs.incrementAndGet();
            return Mono.error(new IllegalStateException("cache unreachable"));
        }));
        assertThatThrownBy(failing::block).hasMessage("cache unreachable");
        assertThat(runs).hasValue(1);
    }

    @Test
    void inATransactionTheActionWaitsForTheCommit() {
        Mono<Void> work = AfterCommit.run(() -> Mono.fromRunnable(() -> steps.add("action")))
                .then(Mono.fromRunnable(() -> steps.add("rest of the transaction")));
        transactional.transactional(work).block();
        assertThat(steps).containsExactly("begin", "rest of the transaction", "commit", "action");
    }

    @Test
    void aRolledBackTransactionNeverRunsTheAction() {
        Mono<Void> work = AfterCommit.run(() -> Mono.fromRunnable(() -> steps.add("action")))
                .then(Mono.error(new IllegalArgumentException("refused")));
        assertThatThrownBy(() -> transactional.transactional(work).block()).hasMessage("refused");
        assertThat(steps).containsExactly("begin", "rollback");
    }

    @Test
    void aTransactionContextWithoutSynchronizationRunsTheActionAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        AfterCommit.run(() -> Mono.fromRunnable(runs::incrementAndGet))
                .contextWrite(TransactionContextManager.createTransactionContext()).block();
        assertThat(runs).hasValue(1);
    }

    /** A transaction manager without a database: it writes down what it is asked to do. */
    private static final class RecordingTransactions extends AbstractReactiveTransactionManager {

        private final List<String> steps;

        RecordingTransactions(List<String> steps) {
            this.steps = steps;
        }

        @Override
        protected Object doGetTransaction(TransactionSynchronizationManager synchronizationManager) {
            return new Object();
        }

        @Override
        protected Mono<Void> doBegin(TransactionSynchronizationManager synchronizationManager, Object transaction,
                                     TransactionDefinition definition) {
            return Mono.fromRunnable(() -> steps.add("begin"));
        }

        @Override
        protected Mono<Void> doCommit(TransactionSynchronizationManager synchronizationManager, GenericReactiveTransaction status) {
            return Mono.fromRunnable(() -> steps.add("commit"));
        }

        @Override
        protected Mono<Void> doRollback(TransactionSynchronizationManager synchronizationManager, GenericReactiveTransaction status) {
            return Mono.fromRunnable(() -> steps.add("rollback"));
        }
    }
}
