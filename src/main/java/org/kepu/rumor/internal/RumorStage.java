package org.kepu.rumor.internal;

import org.kepu.identity.Role;

/** A stage of a rumor item's review and the role that signs it. 二审 is signed by an expert of the expert pool. */
enum RumorStage {
    POLITICAL(Role.REVIEWER_POLITICAL), SCIENTIFIC(Role.REVIEWER_SCIENTIFIC), FINAL(Role.APPROVER);

    private final Role signer;

    RumorStage(Role signer) {
        this.signer = signer;
    }

    Role signer() {
        return signer;
    }
}
