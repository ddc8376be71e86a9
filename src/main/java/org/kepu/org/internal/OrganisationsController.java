package org.kepu.org.internal;

import org.kepu.org.Organisation;
import org.kepu.org.Organisations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
class OrganisationsController {

    private final Organisations organisations;

    OrganisationsController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/api/organisations")
    Flux<Organisation> all() {
        return organisations.all();
    }
}
