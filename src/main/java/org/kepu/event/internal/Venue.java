package org.kepu.event.internal;

/**
 * Where an occurrence takes place.
 *
 * @param district the 区县市, e.g. 赫山区
 * @param capacity seats or places at the venue, informative; registration has its own limit
 */
record Venue(String name, String address, String district, Double latitude, Double longitude, Integer capacity) {

    String place() {
        return address == null || address.isBlank() ? name : address + " " + name;
    }
}
