-- Accounts of association staff, reviewers and society members. Citizens have none.
CREATE TABLE identity_account (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    username        varchar(64)  NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name    varchar(100) NOT NULL,
    password_hash   varchar(200) NOT NULL,
    organisation_id uuid         REFERENCES org_organisation (id),
    enabled         boolean      NOT NULL DEFAULT true,
    demo            boolean      NOT NULL DEFAULT false,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE identity_account_role (
    account_id uuid        NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    role       varchar(32) NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'REVIEWER_POLITICAL', 'REVIEWER_SCIENTIFIC',
                                                    'APPROVER', 'SOCIETY_ADMIN', 'SOCIETY_MEMBER')),
    PRIMARY KEY (account_id, role)
);
