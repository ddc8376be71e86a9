package org.kepu.review.internal;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Adding and deleting dictionary entries. A change is in force on this instance when the call
 * returns, and announced to the others (see {@link DictionaryChanges}).
 */
@Component
class DictionaryEditor {

    static final int MAX_WORD = 50;
    static final int MIN_KEY = 2;
    static final int MAX_NOTE = 200;

    private final SensitiveWordsTable table;
    private final DictionaryScreen screen;
    private final DictionaryChanges changes;

    DictionaryEditor(SensitiveWordsTable table, DictionaryScreen screen, DictionaryChanges changes) {
        this.table = table;
        this.screen = screen;
        this.changes = changes;
    }

    Mono<SensitiveWord> add(String word, String level, String note, String by) {
        String trimmed = word == null ? "" : word.strip();
        String trimmedNote = note == null ? "" : note.strip();
        WordLevel parsed = WordLevel.parse(level).orElseThrow(() ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "sensitive-word-level-unknown", String.valueOf(level)));
        if (trimmed.length() > MAX_WORD) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "sensitive-word-too-long", MAX_WORD);
        }
        if (trimmedNote.length() > MAX_NOTE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "sensitive-word-note-too-long", MAX_NOTE);
        }
        return Mono.fromCallable(() -> WordKeys.key(trimmed))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(key -> {
                    if (key.isEmpty()) {
                        return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "sensitive-word-blank"));
                    }
                    if (key.length() < MIN_KEY) {
                        return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "sensitive-word-too-short",
                                trimmed, MIN_KEY));
                    }
                    return table.add(trimmed, key, parsed, trimmedNote, by)
                            .switchIfEmpty(Mono.defer(() -> duplicate(trimmed, key)));
                })
                .flatMap(added -> changed().thenReturn(added));
    }

    Mono<Void> delete(long id, String by) {
        return table.delete(id, by).flatMap(deleted -> deleted
                ? changed()
                : Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "sensitive-word-not-found", id)));
    }

    private Mono<SensitiveWord> duplicate(String word, String key) {
        return table.findLive(key)
                .flatMap(existing -> Mono.<SensitiveWord>error(new ProblemException(HttpStatus.CONFLICT, "sensitive-word-exists",
                        word, existing.word(), existing.level())))
                // Deleted between the insert and this look-up: the caller may simply try again.
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "http.409")));
    }

    private Mono<Void> changed() {
        return screen.reload().then(changes.announce());
    }
}
