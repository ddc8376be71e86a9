package org.kepu.rumor.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code rumor_decision}. */
@Component
class RumorDecisionsTable {

    private final DatabaseClient database;

    RumorDecisionsTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(UUID item, RumorDecision decision) {
        var insert = database.sql("""
                INSERT INTO rumor_decision (item_id, round, stage, verdict, reason, decided_by, expert_name, expert_title)
                VALUES (:item, :round, :stage, :verdict, :reason, :by, :expertName, :expertTitle)""")
                .bind("item", item).bind("round", decision.round()).bind("stage", decision.stage().name())
                .bind("verdict", decision.verdict().name()).bind("by", decision.decidedBy());
        insert = decision.reason() == null ? insert.bindNull("reason", String.class) : insert.bind("reason", decision.reason());
        insert = decision.expertName() == null ? insert.bindNull("expertName", String.class) : insert.bind("expertName", decision.expertName());
        insert = decision.expertTitle() == null ? insert.bindNull("expertTitle", String.class) : insert.bind("expertTitle", decision.expertTitle());
        return insert.then();
    }

    /** Every decision on the item, oldest first. */
    Flux<RumorDecision> of(UUID item) {
        return database.sql("""
                        SELECT round, stage, verdict, reason, decided_by, expert_name, expert_title, decided_at
                          FROM rumor_decision WHERE item_id = :item ORDER BY decided_at, round""")
                .bind("item", item).map(RumorDecisionsTable::decision).all();
    }

    private static RumorDecision decision(Readable row) {
        return new RumorDecision(row.get("round", Integer.class), RumorStage.valueOf(row.get("stage", String.class)),
                RumorReviewVerdict.valueOf(row.get("verdict", String.class)), row.get("reason", String.class),
                row.get("decided_by", String.class), row.get("expert_name", String.class), row.get("expert_title", String.class),
                row.get("decided_at", OffsetDateTime.class));
    }
}
