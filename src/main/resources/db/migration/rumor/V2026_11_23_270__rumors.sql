-- The rumor library (科学辟谣): columns, items with their review, clues from citizens, editors' lists.

CREATE TABLE rumor_column (
    slug         varchar(64)  PRIMARY KEY,
    name         varchar(100) NOT NULL UNIQUE,
    description  text         NOT NULL DEFAULT '',
    organisation varchar(64),
    position     integer      NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

-- The working fields are what editors edit; "published" is the reviewed snapshot the public reads
-- (null while never published or after unpublishing), so an edit never changes the public page before review.
CREATE TABLE rumor_item (
    id            uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    slug          varchar(80)   NOT NULL UNIQUE,
    claim         text          NOT NULL,
    appearances   jsonb         NOT NULL DEFAULT '[]',
    first_seen    date,
    verdict       varchar(16)   NOT NULL,
    truth         varchar(200)  NOT NULL,
    explanation   text          NOT NULL,
    evidence      jsonb         NOT NULL DEFAULT '[]',
    topics        varchar(64)[] NOT NULL DEFAULT '{}',
    column_slug   varchar(64)   REFERENCES rumor_column (slug),
    rebuttal_work uuid,
    status        varchar(16)   NOT NULL DEFAULT 'DRAFT',
    stage         varchar(16),
    round         integer       NOT NULL DEFAULT 0,
    screen        jsonb         NOT NULL DEFAULT '[]',
    submitted_by  varchar(64),
    version       integer       NOT NULL DEFAULT 1,
    published     jsonb,
    published_at  timestamptz,
    created_by    varchar(64)   NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_by    varchar(64)   NOT NULL,
    updated_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX rumor_item_published ON rumor_item (published_at DESC) WHERE published IS NOT NULL;
CREATE INDEX rumor_item_status ON rumor_item (status, updated_at DESC);

-- Named sign-off per stage and review round; the expert's name and title are kept as they were when signing.
CREATE TABLE rumor_decision (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id      uuid         NOT NULL REFERENCES rumor_item (id),
    round        integer      NOT NULL,
    stage        varchar(16)  NOT NULL,
    verdict      varchar(16)  NOT NULL,
    reason       text,
    decided_by   varchar(64)  NOT NULL,
    expert_name  varchar(100),
    expert_title varchar(200),
    decided_at   timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (item_id, round, stage)
);

-- Reports from citizens. The contact is for editors only and never leaves the console API.
CREATE TABLE rumor_clue (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    claim       text         NOT NULL,
    where_seen  varchar(200) NOT NULL DEFAULT '',
    link        varchar(500),
    contact     varchar(200),
    status      varchar(16)  NOT NULL DEFAULT 'NEW',
    item_id     uuid         REFERENCES rumor_item (id),
    note        text,
    handled_by  varchar(64),
    handled_at  timestamptz,
    reported_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX rumor_clue_status ON rumor_clue (status, reported_at DESC);

-- Monthly 流言榜 (kind MONTH, period 2026-10) and annual lists (kind YEAR, period 2025).
CREATE TABLE rumor_list (
    kind       varchar(8)   NOT NULL,
    period     varchar(7)   NOT NULL,
    title      varchar(200) NOT NULL,
    items      uuid[]       NOT NULL DEFAULT '{}',
    published  boolean      NOT NULL DEFAULT false,
    updated_by varchar(64)  NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, period)
);

-- Embedded installations import content-samples/rumors.json once; an item an editor removed never comes back.
CREATE TABLE rumor_sample_import (
    manifest_version integer     PRIMARY KEY,
    queued_at        timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE rumor_sample (
    slug    varchar(80) PRIMARY KEY,
    item_id uuid
);
