package org.kepu.org.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.org.Volunteer;
import org.kepu.org.VolunteerId;
import org.kepu.org.Volunteers;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The SQL of the volunteer directory ({@code org_volunteer}). */
@Component
class VolunteersTable implements Volunteers {

    private static final String SELECT = """
            SELECT v.id, v.name, v.phone, v.account, o.slug AS organisation, v.skills, v.districts, v.availability,
                   v.active, v.notes, v.version, v.created_at, v.updated_at
              FROM org_volunteer v LEFT JOIN org_organisation o ON o.id = v.organisation_id""";

    private final DatabaseClient database;

    VolunteersTable(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Volunteer> find(VolunteerId id) {
        return database.sql(SELECT + " WHERE v.id = :id").bind("id", id.value()).map(VolunteersTable::volunteer).one();
    }

    @Override
    public Mono<Volunteer> withAccount(String username) {
        return database.sql(SELECT + " WHERE v.account = :account").bind("account", username.toLowerCase(Locale.ROOT))
                .map(VolunteersTable::volunteer).one();
    }

    @Override
    public Mono<Page> search(Filter filter, int page, int size) {
        if (page < 0 || size < 1) {
            return Mono.error(new IllegalArgumentException("page must be >= 0 and size >= 1, got " + page + " and " + size));
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        String where = where(filter, binds);
        var count = database.sql("SELECT count(*) AS total FROM org_volunteer v" + where);
        var select = database.sql(SELECT + where + " ORDER BY v.name, v.id LIMIT :limit OFFSET :offset")
                .bind("limit", size).bind("offset", (long) page * size);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            count = count.bind(bind.getKey(), bind.getValue());
            select = select.bind(bind.getKey(), bind.getValue());
        }
        var items = select.map(VolunteersTable::volunteer).all().collectList();
        return count.map(row -> row.get("total", Long.class)).one()
                .flatMap(total -> (total <= (long) page * size ? Mono.just(List.<Volunteer>of()) : items)
                        .map(found -> new Page(found, page, size, total)));
    }

    /** Locks the volunteer's row until the surrounding transaction ends. */
    Mono<Volunteer> lock(UUID id) {
        return database.sql(SELECT + " WHERE v.id = :id FOR UPDATE OF v").bind("id", id).map(VolunteersTable::volunteer).one();
    }

    Mono<UUID> insert(VolunteerDetails volunteer, String by) {
        var insert = database.sql("""
                        INSERT INTO org_volunteer (name, phone, account, organisation_id, skills, districts, availability, active,
                                                   notes, created_by, updated_by)
                        VALUES (:name, :phone, :account, :organisation, :skills, :districts, :availability, :active, :notes, :by, :by)
                        RETURNING id""");
        return bindDetails(insert, volunteer, volunteer.active() == null || volunteer.active()).bind("by", by)
                .map(row -> row.get("id", UUID.class)).one();
    }

    /** Replaces every field and raises the version. */
    Mono<Void> update(UUID id, VolunteerDetails volunteer, boolean active, String by) {
        var update = database.sql("""
                        UPDATE org_volunteer
                           SET name = :name, phone = :phone, account = :account, organisation_id = :organisation, skills = :skills,
                               districts = :districts, availability = :availability, active = :active, notes = :notes,
                               version = version + 1, updated_by = :by, updated_at = now()
                         WHERE id = :id""");
        return bindDetails(update, volunteer, active).bind("by", by).bind("id", id).then();
    }

    Mono<Void> deactivate(UUID id, String by) {
        return database.sql("""
                        UPDATE org_volunteer SET active = false, version = version + 1, updated_by = :by, updated_at = now()
                         WHERE id = :id""")
                .bind("by", by).bind("id", id).then();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec, VolunteerDetails volunteer,
                                                                 boolean active) {
        spec = spec.bind("name", volunteer.name()).bind("phone", volunteer.phone())
                .bind("skills", volunteer.skills().toArray(String[]::new))
                .bind("districts", volunteer.districts().toArray(String[]::new))
                .bind("availability", volunteer.availability().stream().sorted().map(Enum::name).toArray(String[]::new))
                .bind("active", active).bind("notes", volunteer.notes());
        spec = volunteer.account() == null ? spec.bindNull("account", String.class) : spec.bind("account", volunteer.account());
        return volunteer.organisation() == null ? spec.bindNull("organisation", UUID.class)
                : spec.bind("organisation", volunteer.organisation().id().value());
    }

    /** The WHERE clause of a filter (empty for none), filling {@code binds}. */
    private static String where(Filter filter, Map<String, Object> binds) {
        List<String> conditions = new ArrayList<>();
        if (filter.skill() != null) {
            conditions.add("v.skills @> CAST(:skill AS varchar[])");
            binds.put("skill", new String[] {filter.skill()});
        }
        if (filter.district() != null) {
            conditions.add("v.districts @> CAST(:district AS varchar[])");
            binds.put("district", new String[] {filter.district()});
        }
        if (filter.availability() != null) {
            conditions.add("v.availability @> CAST(:availability AS varchar[])");
            binds.put("availability", new String[] {filter.availability().name()});
        }
        if (filter.active() != null) {
            conditions.add("v.active = :active");
            binds.put("active", filter.active());
        }
        if (filter.text() != null) {
            conditions.add("(v.name ILIKE :text OR v.notes ILIKE :text OR v.phone LIKE :text"
                    + " OR array_to_string(v.skills, ' ') ILIKE :text)");
            binds.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Volunteer volunteer(Readable row) {
        Set<Volunteer.Availability> availability = EnumSet.noneOf(Volunteer.Availability.class);
        Arrays.stream(row.get("availability", String[].class)).map(Volunteer.Availability::valueOf).forEach(availability::add);
        return new Volunteer(new VolunteerId(row.get("id", UUID.class)), row.get("name", String.class), row.get("phone", String.class),
                row.get("account", String.class), row.get("organisation", String.class),
                Arrays.asList(row.get("skills", String[].class)), Arrays.asList(row.get("districts", String[].class)), availability,
                row.get("active", Boolean.class), row.get("notes", String.class), row.get("version", Integer.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }
}
