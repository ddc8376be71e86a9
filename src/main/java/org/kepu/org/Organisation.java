package org.kepu.org;

public record Organisation(OrganisationId id, String slug, String name, OrganisationKind kind) {
}
