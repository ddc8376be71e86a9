-- The expert who must sign the current stage (二审), when one was matched by topic.
ALTER TABLE review_case ADD COLUMN assigned_to varchar(100);
CREATE INDEX review_case_assigned ON review_case (assigned_to) WHERE status = 'IN_REVIEW';
