-- 科普专家库: experts with their fields and the topics they can judge. An expert with an account signs
-- 二审 (scientific review) for works of those topics.
CREATE TABLE org_expert (
    id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    name            varchar(100)  NOT NULL,
    title           varchar(100)  NOT NULL DEFAULT '',
    fields          varchar(100)[] NOT NULL DEFAULT '{}',
    topics          varchar(64)[] NOT NULL DEFAULT '{}',
    organisation_id uuid          REFERENCES org_organisation (id),
    account         varchar(64)   UNIQUE,
    created_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX org_expert_topics ON org_expert USING gin (topics);
