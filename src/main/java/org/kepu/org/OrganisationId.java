package org.kepu.org;

import java.util.UUID;

public record OrganisationId(UUID value) {
}
