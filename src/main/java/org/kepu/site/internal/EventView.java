package org.kepu.site.internal;

/**
 * An event occurrence as the site lists it; {@code when} is formatted in the site's time zone.
 *
 * @param status {@code SCHEDULED}, {@code RESCHEDULED}, {@code MOVED} or {@code CANCELLED}
 */
// changed() is public: the templates call it through SpEL, which does not call package-private methods.
record EventView(String id, String title, String seriesTitle, String when, String isoStart, String isoEnd, String venue,
                 String address, String district, String status, String change, String path, boolean registrationOpen) {

    public boolean changed() {
        return !"SCHEDULED".equals(status);
    }
}
