-- The sensitive-word screen's hits are kept with the case for the reviewers; a BLOCK hit closes the
-- case at submission (status BLOCKED) so the society sees what stopped it.
ALTER TABLE review_case ADD COLUMN screen jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE review_case DROP CONSTRAINT review_case_status_check;
ALTER TABLE review_case ADD CONSTRAINT review_case_status_check
    CHECK (status IN ('BLOCKED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'SCHEDULED', 'PUBLISHED'));
