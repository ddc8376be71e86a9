package org.kepu.org.internal;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.org.Organisation;
import org.kepu.org.OrganisationId;
import org.kepu.org.OrganisationKind;
import org.kepu.org.Organisations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class OrganisationsTable implements Organisations {

    private static final String SELECT = "SELECT id, slug, name, kind FROM org_organisation";

    private final DatabaseClient database;

    OrganisationsTable(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Organisation> find(OrganisationId id) {
        return database.sql(SELECT + " WHERE id = :id").bind("id", id.value()).map(OrganisationsTable::organisation).one();
    }

    @Override
    public Mono<Organisation> findBySlug(String slug) {
        return database.sql(SELECT + " WHERE slug = :slug").bind("slug", slug).map(OrganisationsTable::organisation).one();
    }

    @Override
    public Flux<Organisation> all() {
        return database.sql(SELECT + " ORDER BY kind, slug").map(OrganisationsTable::organisation).all();
    }

    private static Organisation organisation(Readable row) {
        return new Organisation(new OrganisationId(row.get("id", UUID.class)), row.get("slug", String.class),
                row.get("name", String.class), OrganisationKind.valueOf(row.get("kind", String.class)));
    }
}
