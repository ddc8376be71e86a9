package org.kepu.org;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A science volunteer (科技志愿者) of the directory.
 *
 * @param phone        private: show it to association staff only, never on public pages or to societies
 * @param account      the username of the volunteer's own account, or null
 * @param organisation slug of the organisation the volunteer serves with, or null
 * @param skills       free tags such as 讲解, 摄影, 急救, 机器人
 * @param districts    the districts (区县市) of the city the volunteer serves in, from the configured list
 * @param version      raised by every change; the HTTP API uses it as the ETag
 */
public record Volunteer(VolunteerId id, String name, String phone, String account, String organisation, List<String> skills,
                        List<String> districts, Set<Availability> availability, boolean active, String notes, int version,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Volunteer {
        skills = List.copyOf(skills);
        districts = List.copyOf(districts);
        availability = Set.copyOf(availability);
    }

    /** When a volunteer can serve. */
    public enum Availability {
        /** Working days, daytime. */
        WEEKDAY,
        /** Saturdays and Sundays. */
        WEEKEND,
        /** Evenings after work. */
        EVENING,
        /** Public holidays and school holidays (全国科普日 and 科技活动周 often fall on them). */
        HOLIDAY
    }
}
