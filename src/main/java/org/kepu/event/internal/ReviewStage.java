package org.kepu.event.internal;

import java.util.Set;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;

/**
 * The two sign-offs of a series. 一审 (political) by a political reviewer; 终审 (final) by an approver or an
 * association editor: events are the editors' daily business and often urgent, and the four-eyes rule still holds
 * because nobody signs a series they submitted or already signed at 一审.
 */
enum ReviewStage {
    POLITICAL(Set.of(Role.REVIEWER_POLITICAL)),
    FINAL(Set.of(Role.APPROVER, Role.EDITOR));

    private final Set<Role> signers;

    ReviewStage(Set<Role> signers) {
        this.signers = signers;
    }

    boolean signedBy(Actor actor) {
        return signers.stream().anyMatch(actor::has);
    }

    Set<Role> signers() {
        return signers;
    }

    ReviewStage next() {
        return this == POLITICAL ? FINAL : null;
    }
}
