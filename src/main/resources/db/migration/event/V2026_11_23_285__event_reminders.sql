-- One reminder per registration and start time: a second run of the reminder job (a retry, another instance, a
-- duplicate job) inserts nothing, and a rescheduled occurrence is reminded of again for its new time.
CREATE TABLE event_reminder (
    registration_id uuid        NOT NULL REFERENCES event_registration (id) ON DELETE CASCADE,
    starts_at       timestamptz NOT NULL,
    reminded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (registration_id, starts_at)
);

-- A follower binds their registration on the Official Account by sending its check-in code.
CREATE INDEX event_registration_code ON event_registration (check_in_code);
