package org.kepu.site.internal;

import java.time.LocalDate;

/**
 * An event occurrence as the site lists it; {@code when} is formatted in the site's time zone.
 *
 * @param status {@code SCHEDULED}, {@code RESCHEDULED}, {@code MOVED} or {@code CANCELLED}
 * @param day    the day it starts on, in the site's time zone (where a month grid shows it)
 * @param time   its start time of day in the site's time zone ({@code 09:30})
 */
// changed() is public: the templates call it through SpEL, which does not call package-private methods.
record EventView(String id, String title, String seriesTitle, String when, String isoStart, String isoEnd, String venue,
                 String address, String district, String status, String change, String path, boolean registrationOpen,
                 LocalDate day, String time) {

    public boolean changed() {
        return !"SCHEDULED".equals(status);
    }
}
