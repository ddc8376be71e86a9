package org.kepu.org;

import java.util.List;

import reactor.core.publisher.Mono;

/** The volunteer directory, for modules that assign volunteers (events). */
public interface Volunteers {

    /** Empty when there is no such volunteer. */
    Mono<Volunteer> find(VolunteerId id);

    /** The directory entry naming this account (at most one: the account is unique), empty when none does. */
    Mono<Volunteer> withAccount(String username);

    /** Volunteers matching every criterion of {@code filter}, by name: page {@code page} (0 first) of {@code size} (at least 1). */
    Mono<Page> search(Filter filter, int page, int size);

    /**
     * Null criteria do not filter.
     *
     * @param skill    has this skill tag (exactly)
     * @param district serves in this district
     * @param text     contained in the name, notes, phone or a skill tag, case ignored
     */
    record Filter(String skill, String district, Volunteer.Availability availability, Boolean active, String text) {

        public static Filter activeOnly() {
            return new Filter(null, null, null, true, null);
        }
    }

    record Page(List<Volunteer> items, int page, int size, long total) {

        public Page {
            items = List.copyOf(items);
        }
    }
}
