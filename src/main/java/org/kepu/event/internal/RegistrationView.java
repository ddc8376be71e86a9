package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.kepu.event.PublicOccurrence;

/**
 * A registration as its registrant sees it through the secret link. Never carries the phone number.
 *
 * @param token        only in the answer to the registration itself; the link holds it afterwards
 * @param position     the place in line while waiting (1 is next)
 * @param checkInCode  shown while the place is confirmed
 * @param confirmation the state in one sentence, with date, time and place
 */
record RegistrationView(String token, String status, Long position, String name, String checkInCode, PublicOccurrence occurrence,
                        String when, String confirmation, List<NoticeView> notices, Links links) {

    record NoticeView(String kind, String text, OffsetDateTime at) {
    }

    record Links(String self, String cancel, String qr, String calendar) {

        static Links of(String token) {
            String self = "/api/events/public/registrations/" + token;
            return new Links(self, self, self + "/qr.png", self + "/calendar.ics");
        }
    }
}
