-- Event series (2026 全国科普日, 科技活动周, contests, 流动科技馆 tours) and their occurrences (sessions, tour
-- stops). A series is reviewed and published as a whole; after publishing, an occurrence changes only through an
-- announced change (event_change), never by a silent edit.
CREATE TABLE event_series (
    id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    title           varchar(200)  NOT NULL,
    summary         varchar(500)  NOT NULL DEFAULT '',
    description     text          NOT NULL DEFAULT '',
    organisation_id uuid          NOT NULL REFERENCES org_organisation (id),
    topics          varchar(64)[] NOT NULL DEFAULT '{}',
    audience        varchar(16)   NOT NULL DEFAULT 'all' CHECK (audience IN ('youth', 'elderly', 'all')),
    cover_asset     uuid,
    cover_url       varchar(500),
    status          varchar(16)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'REVIEW', 'PUBLISHED', 'REJECTED')),
    -- The review stage a series in REVIEW waits at: 一审 (POLITICAL), then 终审 (FINAL).
    stage           varchar(16)   CHECK (stage IN ('POLITICAL', 'FINAL')),
    version         integer       NOT NULL DEFAULT 1,
    created_by      varchar(100)  NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_by      varchar(100)  NOT NULL,
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    published_by    varchar(100),
    published_at    timestamptz,
    CHECK ((status = 'REVIEW') = (stage IS NOT NULL)),
    CHECK (cover_asset IS NULL OR cover_url IS NULL)
);
CREATE INDEX event_series_status ON event_series (status, updated_at);
CREATE INDEX event_series_topics ON event_series USING gin (topics);

CREATE TABLE event_occurrence (
    id                     uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    series_id              uuid             NOT NULL REFERENCES event_series (id) ON DELETE CASCADE,
    -- Null: the series' title, description and audience apply.
    title                  varchar(200),
    description            text,
    audience               varchar(16)      CHECK (audience IN ('youth', 'elderly', 'all')),
    starts_at              timestamptz      NOT NULL,
    ends_at                timestamptz      NOT NULL,
    venue_name             varchar(200)     NOT NULL,
    venue_address          varchar(300)     NOT NULL DEFAULT '',
    district               varchar(32)      NOT NULL,
    latitude               double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude              double precision CHECK (longitude BETWEEN -180 AND 180),
    venue_capacity         integer          CHECK (venue_capacity > 0),
    status                 varchar(16)      NOT NULL DEFAULT 'SCHEDULED'
                                            CHECK (status IN ('SCHEDULED', 'RESCHEDULED', 'MOVED', 'CANCELLED')),
    -- iCalendar SEQUENCE: raised by every announced change.
    sequence               integer          NOT NULL DEFAULT 0,
    registration_enabled   boolean          NOT NULL DEFAULT false,
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    registration_capacity  integer          CHECK (registration_capacity > 0),
    created_at             timestamptz      NOT NULL DEFAULT now(),
    updated_at             timestamptz      NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (NOT registration_enabled OR (registration_opens_at IS NOT NULL AND registration_closes_at > registration_opens_at
                                         AND registration_capacity IS NOT NULL))
);
CREATE INDEX event_occurrence_series ON event_occurrence (series_id, starts_at);
CREATE INDEX event_occurrence_time ON event_occurrence (starts_at);
CREATE INDEX event_occurrence_end ON event_occurrence (ends_at);

-- Volunteers of the directory (org_volunteer) serving at an occurrence; a coordinator with an account may check
-- registrants in.
CREATE TABLE event_volunteer (
    occurrence_id uuid         NOT NULL REFERENCES event_occurrence (id) ON DELETE CASCADE,
    volunteer_id  uuid         NOT NULL REFERENCES org_volunteer (id),
    role          varchar(16)  NOT NULL CHECK (role IN ('COORDINATOR', 'HELPER')),
    assigned_by   varchar(100) NOT NULL,
    assigned_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (occurrence_id, volunteer_id)
);
CREATE INDEX event_volunteer_volunteer ON event_volunteer (volunteer_id);

-- One submission of a series for review: the sensitive-word screen's hits are kept with it.
CREATE TABLE event_submission (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    series_id    uuid         NOT NULL REFERENCES event_series (id) ON DELETE CASCADE,
    submitted_by varchar(100) NOT NULL,
    submitted_at timestamptz  NOT NULL DEFAULT now(),
    screen       jsonb        NOT NULL DEFAULT '[]'::jsonb,
    blocked      boolean      NOT NULL
);
CREATE INDEX event_submission_series ON event_submission (series_id, submitted_at);

CREATE TABLE event_decision (
    id            bigserial    PRIMARY KEY,
    series_id     uuid         NOT NULL REFERENCES event_series (id) ON DELETE CASCADE,
    submission_id uuid         NOT NULL REFERENCES event_submission (id) ON DELETE CASCADE,
    stage         varchar(16)  NOT NULL CHECK (stage IN ('POLITICAL', 'FINAL')),
    verdict       varchar(24)  NOT NULL CHECK (verdict IN ('APPROVE', 'REQUEST_CHANGES', 'REJECT')),
    reason        text,
    decided_by    varchar(100) NOT NULL,
    decided_at    timestamptz  NOT NULL DEFAULT now(),
    CHECK (verdict = 'APPROVE' OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);
CREATE INDEX event_decision_series ON event_decision (series_id, id);

-- What changed after publishing, with the values before and after and the text announced to the public.
CREATE TABLE event_change (
    id            bigserial    PRIMARY KEY,
    occurrence_id uuid         NOT NULL REFERENCES event_occurrence (id) ON DELETE CASCADE,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('RESCHEDULED', 'MOVED', 'CANCELLED')),
    before        jsonb        NOT NULL,
    after         jsonb        NOT NULL,
    announcement  text         NOT NULL CHECK (length(btrim(announcement)) > 0),
    sequence      integer      NOT NULL,
    announced_by  varchar(100) NOT NULL,
    announced_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX event_change_occurrence ON event_change (occurrence_id, id);

CREATE OR REPLACE FUNCTION event_record_is_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- removing a whole draft series (cascade) is allowed
    END IF;
    RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER event_decision_immutable BEFORE UPDATE OR DELETE ON event_decision
    FOR EACH ROW EXECUTE FUNCTION event_record_is_immutable();
CREATE TRIGGER event_change_immutable BEFORE UPDATE OR DELETE ON event_change
    FOR EACH ROW EXECUTE FUNCTION event_record_is_immutable();

-- Registrations of citizens (no account). The phone number is private: it never leaves the staff API. The
-- registrant's link carries a secret token, of which only the SHA-256 is stored.
CREATE TABLE event_registration (
    id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    occurrence_id  uuid         NOT NULL REFERENCES event_occurrence (id) ON DELETE CASCADE,
    name           varchar(50)  NOT NULL,
    phone          varchar(20)  NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN ('CONFIRMED', 'WAITING', 'CANCELLED')),
    token_hash     char(64)     NOT NULL UNIQUE,
    check_in_code  varchar(16)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT clock_timestamp(),
    confirmed_at   timestamptz,
    cancelled_at   timestamptz,
    cancelled_by   varchar(100),
    checked_in_at  timestamptz,
    checked_in_by  varchar(100),
    UNIQUE (occurrence_id, check_in_code)
);
-- One live registration per phone and occurrence: a second one is refused (409).
CREATE UNIQUE INDEX event_registration_phone ON event_registration (occurrence_id, phone) WHERE status <> 'CANCELLED';
CREATE INDEX event_registration_queue ON event_registration (occurrence_id, status, created_at);

-- Notices to a registrant (confirmed, on the waiting list, promoted, rescheduled, moved, cancelled), read through
-- the registration link: registrants have no account and no inbox.
CREATE TABLE event_notice (
    id              bigserial   PRIMARY KEY,
    registration_id uuid        NOT NULL REFERENCES event_registration (id) ON DELETE CASCADE,
    kind            varchar(32) NOT NULL,
    arguments       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX event_notice_registration ON event_notice (registration_id, id);

-- Sample events published on the first start of an embedded installation (never against an external database).
CREATE TABLE event_sample_import (
    manifest_version integer     PRIMARY KEY,
    started_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE event_sample (
    key        varchar(100) PRIMARY KEY,
    series_id  uuid         NOT NULL REFERENCES event_series (id) ON DELETE CASCADE,
    created_at timestamptz  NOT NULL DEFAULT now()
);
