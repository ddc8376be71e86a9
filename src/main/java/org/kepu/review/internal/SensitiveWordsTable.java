package org.kepu.review.internal;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code review_sensitive_word}: the dictionary. A deleted entry keeps its row with who deleted it
 * and when; only live entries are screened, and only live entries must be unique by key.
 */
@Component
class SensitiveWordsTable {

    private static final String COLUMNS = "id, word, level, note, created_by, created_at";

    private final DatabaseClient database;

    SensitiveWordsTable(DatabaseClient database) {
        this.database = database;
    }

    Flux<SensitiveWord> live() {
        return database.sql("SELECT " + COLUMNS + " FROM review_sensitive_word WHERE deleted_at IS NULL ORDER BY id")
                .map(SensitiveWordsTable::entry).all();
    }

    Flux<SensitiveWord> live(WordLevel level) {
        return database.sql("SELECT " + COLUMNS + " FROM review_sensitive_word WHERE deleted_at IS NULL AND level = :level "
                        + "ORDER BY word")
                .bind("level", level.name()).map(SensitiveWordsTable::entry).all();
    }

    /** The new entry, or empty when a live entry has the same key. */
    Mono<SensitiveWord> add(String word, String key, WordLevel level, String note, String by) {
        return database.sql("""
                        INSERT INTO review_sensitive_word (word, match_key, level, note, created_by)
                        VALUES (:word, :key, :level, :note, :by)
                        ON CONFLICT (match_key) WHERE deleted_at IS NULL DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .bind("word", word).bind("key", key).bind("level", level.name()).bind("note", note).bind("by", by)
                .map(SensitiveWordsTable::entry).one();
    }

    Mono<SensitiveWord> findLive(String key) {
        return database.sql("SELECT " + COLUMNS + " FROM review_sensitive_word WHERE deleted_at IS NULL AND match_key = :key")
                .bind("key", key).map(SensitiveWordsTable::entry).one();
    }

    /** True when a live entry was deleted. */
    Mono<Boolean> delete(long id, String by) {
        return database.sql("UPDATE review_sensitive_word SET deleted_at = now(), deleted_by = :by "
                        + "WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).bind("by", by)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    private static SensitiveWord entry(Readable row) {
        return new SensitiveWord(row.get("id", Long.class), row.get("word", String.class),
                WordLevel.valueOf(row.get("level", String.class)), row.get("note", String.class),
                row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class));
    }
}
