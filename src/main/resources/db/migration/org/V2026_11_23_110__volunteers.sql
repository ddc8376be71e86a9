-- 科技志愿者: the volunteer directory. The phone number is private to association staff. Every change raises
-- version, which the API uses to refuse an edit made on an older state.
CREATE TABLE org_volunteer (
    id              uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    name            varchar(100)   NOT NULL CHECK (btrim(name) <> ''),
    phone           varchar(20)    NOT NULL,
    account         varchar(64)    UNIQUE CHECK (account = lower(account)),
    organisation_id uuid           REFERENCES org_organisation (id),
    skills          varchar(20)[]  NOT NULL DEFAULT '{}',
    districts       varchar(32)[]  NOT NULL DEFAULT '{}',
    availability    varchar(16)[]  NOT NULL DEFAULT '{}'
                    CHECK (availability <@ ARRAY['WEEKDAY', 'WEEKEND', 'EVENING', 'HOLIDAY']::varchar(16)[]),
    active          boolean        NOT NULL DEFAULT true,
    notes           varchar(1000)  NOT NULL DEFAULT '',
    version         integer        NOT NULL DEFAULT 1,
    created_by      varchar(64)    NOT NULL,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_by      varchar(64)    NOT NULL,
    updated_at      timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX org_volunteer_skills ON org_volunteer USING gin (skills);
CREATE INDEX org_volunteer_districts ON org_volunteer USING gin (districts);
CREATE INDEX org_volunteer_availability ON org_volunteer USING gin (availability);
CREATE INDEX org_volunteer_organisation ON org_volunteer (organisation_id);
