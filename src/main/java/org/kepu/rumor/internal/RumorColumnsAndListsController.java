package org.kepu.rumor.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ModuleEvents;
import org.kepu.rumor.PublicRumorColumn;
import org.kepu.rumor.RumorsChanged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rumor columns and the editors' monthly (流言榜) and annual lists. */
@RestController
class RumorColumnsAndListsController {

    record RumorColumnRequest(String name, String description, String organisation) {
    }

    /** @param items item ids in the order the list shows them; only published items appear publicly */
    record RumorListRequest(String title, List<UUID> items, boolean published) {
    }

    private static final Pattern MONTH = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("20[0-9]{2}");

    private final RumorColumnsTable columns;
    private final RumorListsTable lists;
    private final ModuleEvents events;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    RumorColumnsAndListsController(RumorColumnsTable columns, RumorListsTable lists, ModuleEvents events, AuditLog audit,
                                   TransactionalOperator transaction) {
        this.columns = columns;
        this.lists = lists;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/api/rumors/columns")
    Flux<PublicRumorColumn> columns() {
        return columns.all();
    }

    @PutMapping("/api/rumors/columns/{slug}")
    Mono<PublicRumorColumn> saveColumn(@PathVariable String slug, @RequestBody RumorColumnRequest request, Principal user) {
        if (!RumorChecks.SLUG.matcher(slug).matches() || slug.length() > 64) {
            return Mono.error(RumorChecks.invalid("slug"));
        }
        PublicRumorColumn column = new PublicRumorColumn(slug, RumorChecks.text(request.name(), "name", 100),
                request.description() == null ? "" : request.description().strip(),
                request.organisation() == null || request.organisation().isBlank() ? null : request.organisation().strip());
        String by = Actor.of(user).username();
        return columns.save(column)
                .then(audit.record(by, "rumor.column-saved", "rumor-column:" + slug, Map.of("name", column.name())))
                .then(events.publish(new RumorsChanged(slug)))
                .as(transaction::transactional)
                .then(Mono.defer(() -> columns.find(slug)));
    }

    @GetMapping("/api/rumors/lists")
    Flux<RumorList> lists() {
        return lists.all(false);
    }

    @PutMapping("/api/rumors/lists/{kind}/{period}")
    Mono<RumorList> saveList(@PathVariable String kind, @PathVariable String period, @RequestBody RumorListRequest request, Principal user) {
        boolean valid = "MONTH".equals(kind) && MONTH.matcher(period).matches() || "YEAR".equals(kind) && YEAR.matcher(period).matches();
        if (!valid) {
            return Mono.error(RumorChecks.invalid("period"));
        }
        List<UUID> items = request.items() == null ? List.of() : request.items().stream().distinct().toList();
        if (items.size() > 100) {
            return Mono.error(RumorChecks.invalid("items"));
        }
        String by = Actor.of(user).username();
        RumorList list = new RumorList(kind, period, RumorChecks.text(request.title(), "title", 200), items, request.published(), by, null);
        return lists.save(list)
                .then(audit.record(by, "rumor.list-saved", "rumor-list:" + kind + ":" + period,
                        Map.of("items", items.size(), "published", request.published())))
                .then(events.publish(new RumorsChanged(kind + ":" + period)))
                .as(transaction::transactional)
                .then(Mono.defer(() -> lists.find(kind, period)));
    }
}
