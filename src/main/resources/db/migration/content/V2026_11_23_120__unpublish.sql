-- Unpublishing: a work stops being public (its revisions stay). Every unpublish is a row here, done at once
-- or waiting for its time with a durable job (content.unpublish); at most one waits per work.
ALTER TABLE content_work
    ADD COLUMN unpublished_at timestamptz,
    ADD COLUMN unpublished_by varchar(100);

CREATE TABLE content_unpublish (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    work_id      uuid         NOT NULL REFERENCES content_work (id),
    run_at       timestamptz  NOT NULL,
    reason       varchar(500) NOT NULL CHECK (length(btrim(reason)) > 0),
    status       varchar(16)  NOT NULL CHECK (status IN ('SCHEDULED', 'DONE', 'CANCELLED', 'SKIPPED')),
    revision     integer,
    job_id       bigint,
    requested_by varchar(100) NOT NULL,
    requested_at timestamptz  NOT NULL DEFAULT now(),
    closed_by    varchar(100),
    closed_at    timestamptz
);
CREATE UNIQUE INDEX content_unpublish_waiting ON content_unpublish (work_id) WHERE status = 'SCHEDULED';
CREATE INDEX content_unpublish_due ON content_unpublish (run_at) WHERE status = 'SCHEDULED';
CREATE INDEX content_unpublish_work ON content_unpublish (work_id, requested_at DESC);
