package org.kepu.event.internal;

import org.kepu.platform.ProblemException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** The 409 for a step the series' status does not allow, naming the status (in the reader's language and as a code). */
final class Transitions {

    private Transitions() {
    }

    /** @param action {@code edit}, {@code submit}, {@code decide}, {@code change}, {@code register} */
    static ProblemException refused(Enum<?> status, String action) {
        return new ProblemException(HttpStatus.CONFLICT, "event-transition-invalid",
                new DefaultMessageSourceResolvable(new String[] {"event.status." + status.name()}, status.name()),
                new DefaultMessageSourceResolvable(new String[] {"event.action." + action}, action), status.name());
    }
}
