package org.kepu.media.internal.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code size} warm extraction children, each serving one document at a time. A child that failed
 * a request is gone and its slot starts a fresh one; a child is retired after {@code documentsPerChild}
 * documents so that whatever a parser leaks stays bounded. Children start on first use, or with the pool
 * when {@code prestart} is set; {@link #close()} ends them all.
 */
final class ExtractionChildPool implements AutoCloseable {

    static final Duration RETIRE_GRACE = Duration.ofSeconds(5);

    private final List<String> command;
    private final int documentsPerChild;
    private final BlockingQueue<Slot> slots;
    private final Set<ExtractionChild> running = ConcurrentHashMap.newKeySet();
    private boolean closed;

    ExtractionChildPool(List<String> command, int size, int documentsPerChild, boolean prestart) {
        this.command = List.copyOf(command);
        this.documentsPerChild = documentsPerChild;
        this.slots = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            slots.add(new Slot(prestart ? start() : null));
        }
    }

    /**
     * Blocking: waits for a free slot, then for the child's answer.
     *
     * @throws ToolFailedException see {@link ExtractionChild#ask}
     */
    ExtractionStatus ask(ExtractionRequest request, Duration timeout) {
        Slot slot = take();
        try {
            return slot.ask(request, timeout);
        } finally {
            slots.add(slot);
        }
    }

    /** Process ids of the children that run, including retired ones that are still ending. */
    List<Long> childPids() {
        return running.stream().filter(ExtractionChild::isAlive).map(ExtractionChild::pid).toList();
    }

    private Slot take() {
        try {
            return slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailedException(ExtractionChild.TOOL, -1, false, "interrupted (cancelled)");
        }
    }

    private synchronized ExtractionChild start() {
        if (closed) {
            throw new IllegalStateException("The document extractor is closed");
        }
        ExtractionChild child = ExtractionChild.start(command);
        running.add(child);
        child.onExit().thenRun(() -> running.remove(child));
        return child;
    }

    private synchronized ExtractionChild startUnlessClosed() {
        return closed ? null : start();
    }

    /** Ends every child: closes their standard input, then kills those that have not ended after a grace. */
    @Override
    public void close() {
        List<ExtractionChild> children;
        synchronized (this) {
            closed = true;
            children = new ArrayList<>(running);
        }
        children.forEach(child -> child.retire(RETIRE_GRACE));
        for (ExtractionChild child : children) {
            if (!child.awaitExit(RETIRE_GRACE)) {
                child.kill();
                child.awaitExit(RETIRE_GRACE);
            }
        }
    }

    private final class Slot {

        private ExtractionChild child;

        Slot(ExtractionChild child) {
            this.child = child;
        }

        ExtractionStatus ask(ExtractionRequest request, Duration timeout) {
            if (child == null || !child.isAlive()) {
                discard();
                child = start();
            }
            ExtractionStatus status;
            try {
                status = child.ask(request, timeout);
            } catch (RuntimeException e) {
                discard();
                child = startUnlessClosed();
                throw e;
            }
            if (child.documentsServed() >= documentsPerChild) {
                child.retire(RETIRE_GRACE);
                child = startUnlessClosed();
            }
            return status;
        }

        private void discard() {
            if (child != null) {
                child.kill();
                child = null;
            }
        }
    }
}
