-- The console's works list reads the latest case of each work of a page.
CREATE INDEX review_case_work_latest ON review_case (work_id, submitted_at DESC, id DESC);
