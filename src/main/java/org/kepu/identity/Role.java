package org.kepu.identity;

/** What an account may do. Citizens have no account: they read public content only. */
public enum Role {
    /** Accounts, societies, jobs, everything. */
    ADMIN,
    /** Association editors: columns, scheduling, events; may work on any society's works. */
    EDITOR,
    /** 一审: political review. */
    REVIEWER_POLITICAL,
    /** 二审: scientific review, usually an expert. */
    REVIEWER_SCIENTIFIC,
    /** 终审: final approval. */
    APPROVER,
    /** Manages a society's members and works; never publishes. */
    SOCIETY_ADMIN,
    /** Creates and uploads works for their own society; never publishes. */
    SOCIETY_MEMBER;

    public boolean needsOrganisation() {
        return this == SOCIETY_ADMIN || this == SOCIETY_MEMBER;
    }
}
