package org.kepu.content.internal;

import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kepu.content.WorkKind;
import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/works}: the console's "my works". Society accounts see their own society's works; staff and
 * reviewers see all (and may narrow by {@code organisation}).
 */
@RestController
class WorkListController {

    static final int MAX_SIZE = 100;

    private final WorkList list;

    WorkListController(WorkList list) {
        this.list = list;
    }

    @GetMapping("/api/works")
    Mono<WorkListItem.Page> list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String q, @RequestParam(required = false) String organisation,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                 Principal reader) {
        return Mono.fromCallable(() -> query(Actor.of(reader), status, kind, q, organisation, page, size)).flatMap(list::page);
    }

    private static WorkList.Query query(Actor actor, String status, String kind, String q, String organisation, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-list-page-invalid", MAX_SIZE);
        }
        WorkStatus parsedStatus = blank(status) ? null : WorkStatus.parse(status);
        if (!blank(status) && parsedStatus == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-list-status-invalid", status,
                    Arrays.stream(WorkStatus.values()).map(WorkStatus::word).collect(Collectors.joining(", ")));
        }
        WorkKind parsedKind = null;
        if (!blank(kind)) {
            try {
                parsedKind = WorkKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-list-kind-invalid", kind);
            }
        }
        String owner = blank(organisation) ? null : organisation.strip();
        if (!actor.isStaff() && !actor.reviews()) {
            // Society accounts: their own society only; an account of no society sees nothing.
            if (owner != null && !owner.equals(actor.organisation())) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "work-other-organisation",
                        actor.organisation() == null ? "—" : actor.organisation(), owner);
            }
            owner = actor.organisation() == null ? "" : actor.organisation();
        }
        return new WorkList.Query(owner, parsedStatus, parsedKind, blank(q) ? null : q.strip(), page, size);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
