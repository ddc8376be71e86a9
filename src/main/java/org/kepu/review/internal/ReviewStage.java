package org.kepu.review.internal;

import org.kepu.identity.Role;

/** The human stages of the chain, in their usual order, each signed by its own role. */
enum ReviewStage {
    /** 一审. */
    POLITICAL(Role.REVIEWER_POLITICAL),
    /** 二审, usually an expert of the work's field. */
    SCIENTIFIC(Role.REVIEWER_SCIENTIFIC),
    /** 终审. */
    FINAL(Role.APPROVER);

    private final Role role;

    ReviewStage(Role role) {
        this.role = role;
    }

    Role role() {
        return role;
    }
}
