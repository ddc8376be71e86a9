package org.kepu.org;

import java.util.UUID;

public record VolunteerId(UUID value) {
}
