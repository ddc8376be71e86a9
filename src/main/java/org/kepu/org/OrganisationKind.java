package org.kepu.org;

public enum OrganisationKind {
    /** The city science association (市科协) that runs the platform. */
    ASSOCIATION,
    /** A member society (学会). */
    SOCIETY
}
