package org.kepu.org.internal;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.r2dbc.spi.Readable;
import org.kepu.org.OrganisationKind;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administrators register member societies (学会) and keep their names and contacts up to date. The slug is fixed
 * at creation: it is the society's public address ({@code /societies/<slug>}) and is stored in the search index.
 * Contacts are shown only here, never on the public {@code GET /api/organisations}.
 */
@RestController
class OrganisationAdmin {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{0,32}");
    private static final Pattern EMAIL = Pattern.compile("|[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS = "id, slug, name, kind, contact_name, contact_phone, contact_email, created_at, updated_at";

    record Contact(String name, String phone, String email) {
    }

    record NewOrganisation(String slug, String name, Contact contact) {
    }

    record OrganisationChange(String name, Contact contact) {
    }

    record OrganisationView(UUID id, String slug, String name, OrganisationKind kind, Contact contact, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {
    }

    private final DatabaseClient database;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    OrganisationAdmin(DatabaseClient database, AuditLog audit, TransactionalOperator transaction) {
        this.database = database;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/api/admin/organisations")
    Flux<OrganisationView> all() {
        return database.sql("SELECT " + COLUMNS + " FROM org_organisation ORDER BY kind, slug").map(OrganisationAdmin::view).all();
    }

    @PostMapping("/api/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrganisationView> create(@RequestBody NewOrganisation society, Principal admin) {
        return Mono.fromCallable(() -> {
                    String slug = society.slug() == null ? "" : society.slug().strip();
                    if (!SLUG.matcher(slug).matches()) {
                        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "organisation-slug-invalid", slug);
                    }
                    return new NewOrganisation(slug, name(society.name()), contact(society.contact()));
                })
                .flatMap(checked -> database.sql("""
                                INSERT INTO org_organisation (id, slug, name, kind, contact_name, contact_phone, contact_email)
                                VALUES (gen_random_uuid(), :slug, :name, 'SOCIETY', :contactName, :contactPhone, :contactEmail)
                                ON CONFLICT DO NOTHING
                                RETURNING id""")
                        .bind("slug", checked.slug()).bind("name", checked.name())
                        .bind("contactName", checked.contact().name()).bind("contactPhone", checked.contact().phone())
                        .bind("contactEmail", checked.contact().email())
                        .map(row -> row.get("id", UUID.class)).one()
                        .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "organisation-exists", checked.slug(), checked.name())))
                        .flatMap(id -> audit.record(admin.getName(), "organisation.created", "organisation:" + checked.slug(),
                                Map.of("id", id.toString(), "name", checked.name())).thenReturn(id))
                        .as(transaction::transactional))
                .flatMap(this::find);
    }

    /** Name and contact; the slug and the kind stay. */
    @PutMapping("/api/organisations/{id}")
    Mono<OrganisationView> update(@PathVariable UUID id, @RequestBody OrganisationChange change, Principal admin) {
        return Mono.fromCallable(() -> new OrganisationChange(name(change.name()), contact(change.contact())))
                .flatMap(checked -> database.sql("""
                                UPDATE org_organisation SET name = :name, contact_name = :contactName, contact_phone = :contactPhone,
                                                            contact_email = :contactEmail, updated_at = now()
                                 WHERE id = :id RETURNING slug""")
                        .bind("id", id).bind("name", checked.name())
                        .bind("contactName", checked.contact().name()).bind("contactPhone", checked.contact().phone())
                        .bind("contactEmail", checked.contact().email())
                        .map(row -> row.get("slug", String.class)).one()
                        .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "organisation-not-found", id)))
                        .flatMap(slug -> audit.record(admin.getName(), "organisation.updated", "organisation:" + slug,
                                Map.of("name", checked.name())))
                        .as(transaction::transactional)
                        .onErrorMap(DuplicateKeyException.class, taken -> new ProblemException(HttpStatus.CONFLICT, "organisation-exists", "—", checked.name())))
                .then(Mono.defer(() -> find(id)));
    }

    private Mono<OrganisationView> find(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM org_organisation WHERE id = :id").bind("id", id).map(OrganisationAdmin::view).one();
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 100) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "organisation-name-invalid", stripped);
        }
        return stripped;
    }

    private static Contact contact(Contact contact) {
        String name = contact == null || contact.name() == null ? "" : contact.name().strip();
        String phone = contact == null || contact.phone() == null ? "" : contact.phone().strip();
        String email = contact == null || contact.email() == null ? "" : contact.email().strip();
        if (name.length() > 100) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "organisation-contact-invalid", "contact.name", name);
        }
        if (!PHONE.matcher(phone).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "organisation-contact-invalid", "contact.phone", phone);
        }
        if (email.length() > 200 || !EMAIL.matcher(email).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "organisation-contact-invalid", "contact.email", email);
        }
        return new Contact(name, phone, email);
    }

    private static OrganisationView view(Readable row) {
        return new OrganisationView(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
                OrganisationKind.valueOf(row.get("kind", String.class)),
                new Contact(row.get("contact_name", String.class), row.get("contact_phone", String.class),
                        row.get("contact_email", String.class)),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }
}
