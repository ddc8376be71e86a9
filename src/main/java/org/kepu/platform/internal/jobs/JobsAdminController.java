package org.kepu.platform.internal.jobs;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Failed jobs for administrators, with retry. */
@RestController
@RequestMapping("/api/admin/jobs")
class JobsAdminController {

    private static final int MAX_PAGE = 200;

    private final JobsTable table;

    JobsAdminController(JobsTable table) {
        this.table = table;
    }

    @GetMapping
    Flux<JobRecord> list(@RequestParam(defaultValue = "FAILED") JobStatus status,
                         @RequestParam(defaultValue = "50") int limit,
                         @RequestParam(defaultValue = "9223372036854775807") long beforeId) {
        return table.list(status, Math.min(Math.max(limit, 1), MAX_PAGE), beforeId);
    }

    @GetMapping("/{id}")
    Mono<JobRecord> one(@PathVariable long id) {
        return table.find(id).switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "job-not-found", id)));
    }

    @PostMapping("/{id}/retry")
    Mono<JobRecord> retry(@PathVariable long id) {
        return table.retry(id).switchIfEmpty(Mono.defer(() -> table.find(id)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "job-not-found", id)))
                .flatMap(job -> Mono.error(new ProblemException(HttpStatus.CONFLICT, "job-not-failed", id, job.status())))));
    }
}
