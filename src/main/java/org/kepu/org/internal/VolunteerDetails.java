package org.kepu.org.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.kepu.org.Organisation;
import org.kepu.org.Volunteer;

/** A checked, normalised {@link VolunteerForm}; {@code organisation} is null for none, {@code active} null for unchanged. */
record VolunteerDetails(String name, String phone, String account, Organisation organisation, List<String> skills,
                        List<String> districts, Set<Volunteer.Availability> availability, Boolean active, String notes) {

    String organisationSlug() {
        return organisation == null ? null : organisation.slug();
    }

    /** Names of the fields that differ from {@code current}. */
    List<String> changedFrom(Volunteer current) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", name, current.name());
        compare(changed, "phone", phone, current.phone());
        compare(changed, "account", account, current.account());
        compare(changed, "organisation", organisationSlug(), current.organisation());
        compare(changed, "skills", skills, current.skills());
        compare(changed, "districts", districts, current.districts());
        compare(changed, "availability", availability, current.availability());
        if (active != null) {
            compare(changed, "active", active, current.active());
        }
        compare(changed, "notes", notes, current.notes());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object next, Object current) {
        if (!Objects.equals(next, current)) {
            changed.add(field);
        }
    }
}
