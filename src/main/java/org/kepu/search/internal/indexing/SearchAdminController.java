package org.kepu.search.internal.indexing;

import java.security.Principal;
import java.util.Map;

import org.kepu.platform.Jobs;
import org.kepu.platform.AuditLog;
import org.kepu.search.internal.SearchProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Administrators rebuild the index and check it against PostgreSQL. */
@RestController
class SearchAdminController {

    private final Jobs jobs;
    private final DriftCheck drift;
    private final SearchProperties search;
    private final AuditLog audit;

    SearchAdminController(Jobs jobs, DriftCheck drift, SearchProperties search, AuditLog audit) {
        this.jobs = jobs;
        this.drift = drift;
        this.search = search;
        this.audit = audit;
    }

    /** Queues a full reindex; follow it at {@code /api/admin/jobs/{job}}. */
    @PostMapping("/api/admin/search/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Object>> reindex(Principal admin) {
        return jobs.enqueue(ReindexJob.request(admin.getName()))
                .flatMap(job -> audit.record(admin.getName(), "search.reindex-requested", "search-index:" + search.alias(),
                        Map.of("job", job.value())).thenReturn(Map.<String, Object>of("job", job.value())));
    }

    /** Compares the index with PostgreSQL's published set; {@code repair=true} also removes the difference. */
    @PostMapping("/api/admin/search/drift")
    Mono<DriftReport> drift(@RequestParam(defaultValue = "false") boolean repair, Principal admin) {
        return drift.check(search.alias(), repair)
                .flatMap(report -> repair ? audit.record(admin.getName(), "search.drift-repaired", "search-index:" + search.alias(),
                        Map.of("missing", report.missing(), "stale", report.stale(), "extra", report.extra(),
                                "repaired", report.repaired())).thenReturn(report) : Mono.just(report));
    }
}
