package org.kepu.org.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.org.Expert;
import org.kepu.org.Experts;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class ExpertsTable implements Experts {

    private static final String SELECT = """
            SELECT e.id, e.name, e.title, e.fields, e.topics, o.slug AS organisation, e.account
              FROM org_expert e LEFT JOIN org_organisation o ON o.id = e.organisation_id""";

    private final DatabaseClient database;

    ExpertsTable(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<Expert> forTopics(List<String> topics) {
        return database.sql(SELECT + " " + """
                         WHERE e.account IS NOT NULL AND e.topics && CAST(:topics AS varchar[])
                         ORDER BY cardinality(ARRAY(SELECT unnest(e.topics) INTERSECT SELECT unnest(CAST(:topics AS varchar[])))) DESC,
                                  e.created_at""")
                .bind("topics", topics.toArray(String[]::new))
                .map(ExpertsTable::expert).all();
    }

    @Override
    public Mono<Expert> byAccount(String username) {
        return database.sql(SELECT + " WHERE e.account = :account").bind("account", username).map(ExpertsTable::expert).one();
    }

    Flux<Expert> all() {
        return database.sql(SELECT + " ORDER BY e.name").map(ExpertsTable::expert).all();
    }

    Mono<Expert> insert(NewExpert expert) {
        var insert = database.sql("""
                        INSERT INTO org_expert (name, title, fields, topics, organisation_id, account)
                        SELECT :name, :title, :fields, :topics, (SELECT id FROM org_organisation WHERE slug = :organisation), :account
                        RETURNING id""")
                .bind("name", expert.name()).bind("title", expert.title())
                .bind("fields", expert.fields().toArray(String[]::new)).bind("topics", expert.topics().toArray(String[]::new));
        insert = expert.organisation() == null ? insert.bindNull("organisation", String.class) : insert.bind("organisation", expert.organisation());
        insert = expert.account() == null ? insert.bindNull("account", String.class) : insert.bind("account", expert.account());
        return insert.map(row -> row.get("id", UUID.class)).one()
                .flatMap(id -> database.sql(SELECT + " WHERE e.id = :id").bind("id", id).map(ExpertsTable::expert).one());
    }

    private static Expert expert(Readable row) {
        return new Expert(row.get("id", UUID.class), row.get("name", String.class), row.get("title", String.class),
                Arrays.asList(row.get("fields", String[].class)), Arrays.asList(row.get("topics", String[].class)),
                row.get("organisation", String.class), row.get("account", String.class));
    }
}
