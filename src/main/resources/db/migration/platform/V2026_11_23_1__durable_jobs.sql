-- Durable jobs: written in the transaction of the change that causes them, claimed with
-- FOR UPDATE SKIP LOCKED, leased to one worker at a time.
CREATE TABLE platform_job (
    id           bigserial    PRIMARY KEY,
    kind         varchar(100) NOT NULL,
    payload      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    status       varchar(16)  NOT NULL DEFAULT 'QUEUED'
                 CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    priority     integer      NOT NULL DEFAULT 0,
    attempts     integer      NOT NULL DEFAULT 0,
    max_attempts integer      NOT NULL CHECK (max_attempts > 0),
    run_at       timestamptz  NOT NULL DEFAULT now(),
    locked_by    varchar(200),
    locked_until timestamptz,
    last_error   text,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    finished_at  timestamptz
);

CREATE INDEX platform_job_ready ON platform_job (kind, priority DESC, run_at, id) WHERE status = 'QUEUED';
CREATE INDEX platform_job_leased ON platform_job (kind, locked_until) WHERE status = 'RUNNING';
CREATE INDEX platform_job_failed ON platform_job (updated_at DESC) WHERE status = 'FAILED';
