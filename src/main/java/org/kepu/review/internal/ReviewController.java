package org.kepu.review.internal;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.kepu.content.WorkId;
import org.kepu.content.Works;
import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.kepu.platform.ScheduleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class ReviewController {

    private static final int QUEUE_SIZE = 100;

    record Submission(OffsetDateTime publishAt) {
    }

    record DecisionRequest(@NotNull Decision.Verdict verdict, @Size(max = 2000) String reason,
                           @Size(max = 100) List<Decision.@Valid Comment> comments) {
    }

    private final ReviewChain chain;
    private final ReviewCasesTable cases;
    private final Works works;
    private final ScheduleProperties schedule;

    ReviewController(ReviewChain chain, ReviewCasesTable cases, Works works, ScheduleProperties schedule) {
        this.chain = chain;
        this.cases = cases;
        this.works = works;
        this.schedule = schedule;
    }

    @PostMapping("/api/works/{id}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CaseView> submit(@PathVariable UUID id, @RequestBody(required = false) Submission submission, Principal user) {
        return chain.submit(id, Actor.of(user), submission == null ? null : submission.publishAt()).flatMap(this::view);
    }

    @GetMapping("/api/works/{id}/cases")
    Flux<CaseView> casesOfWork(@PathVariable UUID id, Principal user) {
        Actor actor = Actor.of(user);
        return works.find(new WorkId(id))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", id)))
                .flatMapMany(work -> actor.readsFor(work.organisation()) ? cases.ofWork(id).collectList()
                        : Mono.<List<ReviewCase>>error(new ProblemException(HttpStatus.FORBIDDEN, "work-other-organisation",
                                actor.organisation() == null ? "—" : actor.organisation(), work.organisation())))
                // All rows are read before the next queries: a streaming result holds its connection.
                .flatMapIterable(all -> all)
                .concatMap(this::view);
    }

    /**
     * What waits for the caller: the cases at the stages their roles sign (staff see every stage). Only
     * staff and reviewers get here ({@code SecurityConfiguration}).
     */
    @GetMapping("/api/review/queue")
    Flux<QueueEntry> queue(Principal user) {
        Actor actor = Actor.of(user);
        List<ReviewStage> stages = Arrays.stream(ReviewStage.values())
                .filter(stage -> actor.isStaff() || actor.has(stage.role())).toList();
        return cases.waitingAt(stages, actor.isStaff() ? null : actor.username(), QUEUE_SIZE).collectList()
                .flatMapMany(waiting -> works.find(waiting.stream().map(found -> new WorkId(found.work())).toList())
                        .collectMap(facts -> facts.id().value())
                        .flatMapIterable(facts -> waiting.stream()
                                .map(found -> QueueEntry.of(found, facts.get(found.work()))).toList()));
    }

    @GetMapping("/api/review/cases/{id}")
    Mono<CaseView> find(@PathVariable UUID id, Principal user) {
        Actor actor = Actor.of(user);
        return cases.find(id)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "review-case-not-found", id)))
                .flatMap(this::view)
                .flatMap(view -> actor.readsFor(view.organisation()) ? Mono.just(view)
                        : Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "work-other-organisation",
                                actor.organisation() == null ? "—" : actor.organisation(), view.organisation())));
    }

    /**
     * The case's revision against what is online: the published revision while the case is open; for a closed
     * case, the revision its work's previous published case made public.
     */
    @GetMapping("/api/review/cases/{id}/diff")
    Mono<RevisionDiff> diff(@PathVariable UUID id, Principal user) {
        return find(id, user).flatMap(view -> works.find(new WorkId(view.work()))
                .flatMap(work -> baseOf(view, work.publishedRevision()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(base -> works.text(new WorkId(view.work()), view.revision())
                        .zipWith(base.map(number -> works.text(new WorkId(view.work()), number).map(Optional::of))
                                .orElse(Mono.just(Optional.empty())))
                        .map(texts -> RevisionDiff.between(texts.getT2().orElse(null), texts.getT1()))));
    }

    private Mono<Integer> baseOf(CaseView view, Integer published) {
        if (view.status() != ReviewCase.Status.PUBLISHED) {
            return Mono.justOrEmpty(published);
        }
        return cases.ofWork(view.work()).collectList().flatMap(all -> Mono.justOrEmpty(all.stream()
                .filter(other -> other.status() == ReviewCase.Status.PUBLISHED && other.submittedAt().isBefore(view.submittedAt()))
                .map(ReviewCase::revision)
                .findFirst()));
    }

    @PostMapping("/api/review/cases/{id}/decisions")
    Mono<CaseView> decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Principal user) {
        return chain.decide(id, Actor.of(user), request.verdict(), request.reason(), request.comments()).flatMap(this::view);
    }

    private Mono<CaseView> view(ReviewCase found) {
        return view(found, works, cases, schedule);
    }

    static Mono<CaseView> view(ReviewCase found, Works works, ReviewCasesTable cases, ScheduleProperties schedule) {
        return works.find(new WorkId(found.work()))
                .zipWith(cases.decisions(found.id()).collectList())
                .map(both -> CaseView.of(found, both.getT1().title(), both.getT1().organisation(), both.getT2(), schedule));
    }
}
