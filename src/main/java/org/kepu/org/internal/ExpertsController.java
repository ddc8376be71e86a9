package org.kepu.org.internal;

import jakarta.validation.Valid;
import org.kepu.org.Expert;
import org.kepu.platform.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The expert pool for administrators ({@code /api/admin/**} needs ADMIN). */
@RestController
class ExpertsController {

    private final ExpertsTable experts;

    ExpertsController(ExpertsTable experts) {
        this.experts = experts;
    }

    @GetMapping("/api/admin/experts")
    Flux<Expert> list() {
        return experts.all();
    }

    @PostMapping("/api/admin/experts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Expert> add(@Valid @RequestBody NewExpert expert) {
        return experts.insert(expert)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new ProblemException(HttpStatus.CONFLICT, "expert-account-taken", expert.account()));
    }
}
