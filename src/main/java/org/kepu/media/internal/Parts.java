package org.kepu.media.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kepu.platform.ProblemException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cuts a streamed body into parts of a fixed size (the last may be shorter). Only the part being
 * filled is held, plus what the consumer has not taken yet; a body over {@code limit} fails with 413
 * as soon as the byte that crosses it arrives. An empty body yields one empty part.
 */
final class Parts {

    record Part(byte[] data, int length) {
        boolean isEmpty() {
            return length == 0;
        }
    }

    private static final int FIRST_CAPACITY = 64 * 1024;
    private static final int BODY_PREFETCH = 8;

    private final int partSize;
    private final long limit;
    private byte[] current = new byte[0];
    private int filled;
    private long total;

    private Parts(int partSize, long limit) {
        this.partSize = partSize;
        this.limit = limit;
    }

    static Flux<Part> of(Flux<DataBuffer> body, int partSize, long limit) {
        return Flux.defer(() -> {
            Parts parts = new Parts(partSize, limit);
            return body.<DataBuffer>handle(parts::count)
                    .concatMapIterable(parts::add, BODY_PREFETCH)
                    .concatWith(Mono.fromSupplier(parts::rest));
        });
    }

    /** Fails before the crossing buffer is handed on; the buffer is released here, exactly once. */
    private void count(DataBuffer buffer, reactor.core.publisher.SynchronousSink<DataBuffer> sink) {
        total += buffer.readableByteCount();
        if (total > limit) {
            DataBufferUtils.release(buffer);
            sink.error(tooLarge(limit));
        } else {
            sink.next(buffer);
        }
    }

    private List<Part> add(DataBuffer buffer) {
        try {
            List<Part> full = new ArrayList<>(1);
            while (buffer.readableByteCount() > 0) {
                ensureCapacity(Math.min(partSize, filled + buffer.readableByteCount()));
                int take = Math.min(partSize - filled, buffer.readableByteCount());
                buffer.read(current, filled, take);
                filled += take;
                if (filled == partSize) {
                    full.add(new Part(current, filled));
                    // A body that filled one part is large: take the next part whole instead of growing it again
                    // (growing allocates twice the part in short-lived arrays that G1 treats as humongous).
                    current = new byte[partSize];
                    filled = 0;
                }
            }
            return full;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private Part rest() {
        if (filled == 0 && total > 0) {
            return null;
        }
        return new Part(current, filled);
    }

    private void ensureCapacity(int needed) {
        if (current.length < needed) {
            int grown = Math.max(needed, Math.min(partSize, Math.max(FIRST_CAPACITY, current.length * 2)));
            current = Arrays.copyOf(current, grown);
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "media-too-large", readable(limit));
    }

    static String readable(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (size.toGigabytes() > 0 && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }
}
