package org.kepu.content.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.kepu.content.ColumnsChanged;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ModuleEvents;
import org.kepu.platform.ProblemException;
import org.kepu.platform.ScheduleProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Editors' changes to columns (专栏): each checked, written with its audit entry and a {@link ColumnsChanged} event
 * in one transaction. Times without an offset are read in the configured time zone (Asia/Shanghai).
 */
@Component
class ColumnEditor {

    static final int MAX_DESCRIPTION = 2000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{2,64}");

    record NewColumn(String slug, String name, String description) {
    }

    record ColumnChange(String name, String description, Boolean pinned, String visibleFrom, String visibleUntil) {
    }

    record Order(List<String> slugs) {
    }

    private final ColumnsTable columns;
    private final AuditLog audit;
    private final ModuleEvents events;
    private final TransactionalOperator transaction;
    private final ZoneId zone;

    ColumnEditor(ColumnsTable columns, AuditLog audit, ModuleEvents events, TransactionalOperator transaction,
                 ScheduleProperties schedule) {
        this.columns = columns;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.zone = schedule.timeZone();
    }

    Mono<ColumnsTable.Column> create(NewColumn column, String by) {
        return Mono.fromCallable(() -> {
                    String slug = column.slug() == null ? "" : column.slug().strip();
                    if (!SLUG.matcher(slug).matches() || slug.equals("order")) {
                        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "column-slug-invalid", slug);
                    }
                    return new NewColumn(slug, name(column.name()), description(column.description()));
                })
                .flatMap(checked -> columns.lockAll().then(columns.insert(checked.slug(), checked.name(), checked.description()))
                        .flatMap(created -> created ? changed(by, "column.created", checked.slug(),
                                Map.of("name", checked.name()))
                                : Mono.error(new ProblemException(HttpStatus.CONFLICT, "column-exists", checked.slug(), checked.name())))
                        .as(transaction::transactional)
                        .then(Mono.defer(() -> columns.find(checked.slug()))));
    }

    Mono<ColumnsTable.Column> update(String slug, ColumnChange change, String by) {
        return Mono.fromCallable(() -> {
                    String name = name(change.name());
                    String description = description(change.description());
                    OffsetDateTime from = time("visibleFrom", change.visibleFrom());
                    OffsetDateTime until = time("visibleUntil", change.visibleUntil());
                    if (from != null && until != null && !until.isAfter(from)) {
                        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "column-window-invalid", from, until);
                    }
                    return new Checked(name, description, Boolean.TRUE.equals(change.pinned()), from, until);
                })
                .flatMap(checked -> columns.update(slug, checked.name(), checked.description(), checked.pinned(), checked.from(), checked.until())
                        .flatMap(updated -> {
                            if (updated == 0) {
                                return Mono.error(notFound(slug));
                            }
                            Map<String, Object> details = new HashMap<>();
                            details.put("name", checked.name());
                            details.put("pinned", checked.pinned());
                            details.put("visibleFrom", String.valueOf(checked.from()));
                            details.put("visibleUntil", String.valueOf(checked.until()));
                            return changed(by, "column.updated", slug, details);
                        })
                        .as(transaction::transactional)
                        .onErrorMap(DuplicateKeyException.class, taken -> new ProblemException(HttpStatus.CONFLICT, "column-exists", slug, checked.name()))
                        .then(Mono.defer(() -> columns.find(slug))));
    }

    private record Checked(String name, String description, boolean pinned, OffsetDateTime from, OffsetDateTime until) {
    }

    /** {@code slugs} must name every column exactly once; the first becomes position 1. */
    Mono<Void> reorder(Order order, String by) {
        List<String> slugs = order.slugs() == null ? List.of() : order.slugs().stream().map(s -> s == null ? "" : s.strip()).toList();
        return columns.lockAll().collectList()
                .flatMap(existing -> {
                    List<String> wrong = wrongOrder(slugs, existing);
                    if (!wrong.isEmpty()) {
                        return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "column-order-invalid", String.join(", ", wrong)));
                    }
                    return columns.reorder(slugs).then(changed(by, "columns.reordered", null, Map.of("order", slugs)));
                })
                .as(transaction::transactional);
    }

    /** Slugs named twice or unknown, and columns left out. */
    static List<String> wrongOrder(List<String> slugs, List<String> existing) {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String slug : slugs) {
            if (!seen.add(slug) || !existing.contains(slug)) {
                wrong.add(slug.isEmpty() ? "\"\"" : slug);
            }
        }
        for (String slug : existing) {
            if (!seen.contains(slug)) {
                wrong.add(slug);
            }
        }
        return wrong;
    }

    private Mono<Void> changed(String by, String action, String slug, Map<String, ?> details) {
        return audit.record(by, action, slug == null ? "columns" : "column:" + slug, details)
                .then(events.publish(new ColumnsChanged(slug, by)));
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 100) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "column-name-invalid", stripped);
        }
        return stripped;
    }

    private static String description(String description) {
        String stripped = description == null ? "" : description.strip();
        if (stripped.length() > MAX_DESCRIPTION) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "column-description-invalid", MAX_DESCRIPTION);
        }
        return stripped;
    }

    /** ISO-8601 with an offset, or a local date-time in the configured zone; null or blank: open-ended. */
    private OffsetDateTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "column-time-invalid", field, text);
            }
        }
    }

    static ProblemException notFound(String slug) {
        return new ProblemException(HttpStatus.NOT_FOUND, "column-not-found", slug);
    }
}
