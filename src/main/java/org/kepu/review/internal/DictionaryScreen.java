package org.kepu.review.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.kepu.review.ScreenResult;
import org.kepu.review.ScreenedField;
import org.kepu.review.SensitiveWordScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The screen over the dictionary in PostgreSQL. The compiled dictionary is swapped atomically on
 * {@link #reload}; building it and screening run on {@code boundedElastic}, never on a Netty thread.
 */
@Component
class DictionaryScreen implements SensitiveWordScreen {

    private static final Logger log = LoggerFactory.getLogger(DictionaryScreen.class);

    /** A compiled dictionary and the number of the reload that read it: a slower, older reload never wins. */
    private record Installed(long reload, CompiledDictionary dictionary) {
    }

    private final SensitiveWordsTable table;
    private final ScreenProperties properties;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicReference<Installed> installed = new AtomicReference<>();

    DictionaryScreen(SensitiveWordsTable table, ScreenProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @Override
    public Mono<ScreenResult> screen(List<ScreenedField> fields) {
        List<ScreenedField> copy = List.copyOf(fields);
        return dictionary()
                .publishOn(Schedulers.boundedElastic())
                .map(dictionary -> dictionary.screen(copy, properties.contextChars()));
    }

    /**
     * Reads the live entries and installs a dictionary built from them, unless a reload that started
     * later has installed one already. Completes when this instance screens with the entries it read.
     */
    Mono<Void> reload() {
        return Mono.defer(() -> {
            long number = reloads.incrementAndGet();
            return table.live().collectList()
                    .publishOn(Schedulers.boundedElastic())
                    .map(words -> install(number, words))
                    .then();
        });
    }

    /** The installed dictionary; the first screen before the start-up load finished waits for a load. */
    private Mono<CompiledDictionary> dictionary() {
        return Mono.defer(() -> {
            Installed current = installed.get();
            return current != null
                    ? Mono.just(current.dictionary())
                    : reload().then(Mono.fromSupplier(() -> installed.get().dictionary()));
        });
    }

    private Installed install(long number, List<SensitiveWord> words) {
        Installed current = installed.get();
        CompiledDictionary dictionary = current != null && current.dictionary().words().equals(words)
                ? current.dictionary()
                : CompiledDictionary.of(words);
        Installed next = installed.accumulateAndGet(new Installed(number, dictionary),
                (old, candidate) -> old == null || candidate.reload() > old.reload() ? candidate : old);
        if (next.dictionary() == dictionary && (current == null || current.dictionary() != dictionary)) {
            log.info("Sensitive-word dictionary loaded: {} entries", words.size());
        }
        return next;
    }
}
