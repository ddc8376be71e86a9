package org.kepu.event.internal;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.kepu.org.Organisation;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Who may write which series: association staff (ADMIN, EDITOR) for every organiser, a society's administrator for
 * series their own society organises. Reviewers read every series; nobody else reads unpublished ones.
 */
final class EventPermissions {

    private EventPermissions() {
    }

    static boolean authorsFor(Actor actor, String organisationSlug) {
        return actor.isStaff() || (actor.has(Role.SOCIETY_ADMIN) && organisationSlug.equals(actor.organisation()));
    }

    static void checkAuthor(Actor actor, Organisation organiser) {
        if (!authorsFor(actor, organiser.slug())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "event-other-organisation",
                    actor.organisation() == null ? "—" : actor.organisation(), organiser.name());
        }
    }

    static boolean reads(Actor actor, Series series) {
        return authorsFor(actor, series.organiser().slug()) || actor.has(Role.REVIEWER_POLITICAL) || actor.has(Role.APPROVER)
                || actor.has(Role.REVIEWER_SCIENTIFIC);
    }
}
