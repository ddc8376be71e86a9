package org.kepu.org.internal;

import java.util.List;

/**
 * A volunteer as staff send it, checked by {@link VolunteerChecks} (so that a bad field answers 422 naming it).
 *
 * @param active  null keeps the current flag (true for a new volunteer)
 * @param version the version edited, when the request has no {@code If-Match}
 */
record VolunteerForm(String name, String phone, String account, String organisation, List<String> skills,
                     List<String> districts, List<String> availability, Boolean active, String notes, Integer version) {
}
