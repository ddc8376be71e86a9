-- One submission of one revision of a work through the review chain (审核). The stages it must pass
-- are fixed at submission (they are configurable per kind); decisions are only ever inserted.
CREATE TABLE review_case (
    id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    work_id       uuid         NOT NULL REFERENCES content_work (id),
    revision      integer      NOT NULL,
    stages        varchar(16)[] NOT NULL,
    stage_index   integer      NOT NULL DEFAULT 0,
    status        varchar(24)  NOT NULL CHECK (status IN ('IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'SCHEDULED', 'PUBLISHED')),
    publish_at    timestamptz,
    submitted_by  varchar(100) NOT NULL,
    submitted_at  timestamptz  NOT NULL DEFAULT now(),
    closed_at     timestamptz,
    version       integer      NOT NULL DEFAULT 0
);
-- At most one open case per work: a second submission while one is under way is refused.
CREATE UNIQUE INDEX review_case_open ON review_case (work_id) WHERE status IN ('IN_REVIEW', 'SCHEDULED');
CREATE INDEX review_case_queue ON review_case (status, submitted_at);

CREATE TABLE review_decision (
    id         bigserial    PRIMARY KEY,
    case_id    uuid         NOT NULL REFERENCES review_case (id),
    stage      varchar(16)  NOT NULL,
    verdict    varchar(24)  NOT NULL CHECK (verdict IN ('APPROVE', 'REQUEST_CHANGES', 'REJECT')),
    reason     text,
    comments   jsonb        NOT NULL DEFAULT '[]'::jsonb,
    reviewer   varchar(100) NOT NULL,
    decided_at timestamptz  NOT NULL DEFAULT now(),
    CHECK (verdict = 'APPROVE' OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);
CREATE INDEX review_decision_case ON review_decision (case_id, id);

CREATE OR REPLACE FUNCTION review_decision_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'review decisions are never changed or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER review_decision_immutable
    BEFORE UPDATE OR DELETE ON review_decision
    FOR EACH ROW EXECUTE FUNCTION review_decision_is_immutable();
