package org.kepu.org.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.org.Volunteer;
import org.kepu.org.Volunteers;

/** A volunteer as staff read it, phone number included (the API is for ADMIN and EDITOR only). */
record VolunteerView(UUID id, String name, String phone, String account, String organisation, List<String> skills,
                     List<String> districts, List<Volunteer.Availability> availability, boolean active, String notes, int version,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static VolunteerView of(Volunteer volunteer) {
        return new VolunteerView(volunteer.id().value(), volunteer.name(), volunteer.phone(), volunteer.account(),
                volunteer.organisation(), volunteer.skills(), volunteer.districts(), volunteer.availability().stream().sorted().toList(),
                volunteer.active(), volunteer.notes(), volunteer.version(), volunteer.createdAt(), volunteer.updatedAt());
    }

    record DirectoryPage(List<VolunteerView> items, int page, int size, long total) {

        static DirectoryPage of(Volunteers.Page page) {
            return new DirectoryPage(page.items().stream().map(VolunteerView::of).toList(), page.page(), page.size(), page.total());
        }
    }
}
