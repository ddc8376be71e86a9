-- Editors move or hold scheduled publications. A case remembers the durable job that will publish it, so
-- a moved schedule's old job does nothing and the sweeper can tell a lost job from a waiting one.
-- APPROVED: every stage approved, publication held by an editor until a time is set again (still open,
-- so no second submission slips in; a new submission supersedes it). SUPERSEDED: replaced that way.
ALTER TABLE review_case ADD COLUMN publish_job bigint;

ALTER TABLE review_case DROP CONSTRAINT review_case_status_check;
ALTER TABLE review_case ADD CONSTRAINT review_case_status_check
    CHECK (status IN ('BLOCKED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'SCHEDULED', 'APPROVED', 'SUPERSEDED',
                      'PUBLISHED'));

DROP INDEX review_case_open;
CREATE UNIQUE INDEX review_case_open ON review_case (work_id) WHERE status IN ('IN_REVIEW', 'SCHEDULED', 'APPROVED');
CREATE INDEX review_case_scheduled ON review_case (publish_at) WHERE status = 'SCHEDULED';

-- Cases scheduled before: their job is the review.publish job that names them.
UPDATE review_case c
   SET publish_job = (SELECT max(j.id) FROM platform_job j
                       WHERE j.kind = 'review.publish' AND j.payload ->> 'case' = c.id::text)
 WHERE c.status = 'SCHEDULED';
