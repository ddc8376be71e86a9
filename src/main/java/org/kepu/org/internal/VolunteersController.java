package org.kepu.org.internal;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import org.kepu.org.Volunteer;
import org.kepu.org.VolunteerId;
import org.kepu.org.Volunteers;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The volunteer directory for association staff (ADMIN, EDITOR; phone numbers are private to them). The ETag of a
 * volunteer is its version: a change must name the version it was made on ({@code If-Match} or {@code version}).
 */
@RestController
@RequestMapping("/api/volunteers")
class VolunteersController {

    static final int MAX_PAGE_SIZE = 100;

    private final VolunteersTable volunteers;
    private final VolunteerEditor editor;
    private final VolunteerChecks checks;

    VolunteersController(VolunteersTable volunteers, VolunteerEditor editor, VolunteerChecks checks) {
        this.volunteers = volunteers;
        this.editor = editor;
        this.checks = checks;
    }

    @GetMapping
    Mono<VolunteerView.DirectoryPage> search(@RequestParam(required = false) String skill, @RequestParam(required = false) String district,
                                    @RequestParam(required = false) String availability, @RequestParam(required = false) Boolean active,
                                    @RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        return Mono.fromCallable(() -> {
                    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
                        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "volunteer-page-invalid", MAX_PAGE_SIZE);
                    }
                    return new Volunteers.Filter(blankToNull(skill), district == null || district.isBlank() ? null : checks.district(district),
                            availability == null || availability.isBlank() ? null : checks.availability(availability), active,
                            blankToNull(text));
                })
                .flatMap(filter -> volunteers.search(filter, page, size))
                .map(VolunteerView.DirectoryPage::of);
    }

    @PostMapping
    Mono<ResponseEntity<VolunteerView>> create(@RequestBody VolunteerForm form, Principal staff) {
        return editor.create(form, staff.getName())
                .map(created -> ResponseEntity.created(URI.create("/api/volunteers/" + created.id().value()))
                        .eTag(Integer.toString(created.version())).body(VolunteerView.of(created)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<VolunteerView>> find(@PathVariable UUID id) {
        return VolunteerEditor.existing(volunteers.find(new VolunteerId(id)), id).map(VolunteersController::withETag);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<VolunteerView>> update(@PathVariable UUID id, @RequestBody VolunteerForm form,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               Principal staff) {
        return Mono.fromCallable(() -> edited(ifMatch, form.version()))
                .flatMap(edited -> editor.update(id, form, edited, staff.getName()))
                .map(VolunteersController::withETag);
    }

    @PostMapping("/{id}/deactivate")
    Mono<ResponseEntity<VolunteerView>> deactivate(@PathVariable UUID id, Principal staff) {
        return editor.deactivate(id, staff.getName()).map(VolunteersController::withETag);
    }

    /** From {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}), else the body's {@code version}. */
    private static int edited(String ifMatch, Integer version) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "volunteer-if-match-invalid", ifMatch);
            }
        }
        if (version == null) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "volunteer-version-required");
        }
        return version;
    }

    private static ResponseEntity<VolunteerView> withETag(Volunteer volunteer) {
        return ResponseEntity.ok().eTag(Integer.toString(volunteer.version())).body(VolunteerView.of(volunteer));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
