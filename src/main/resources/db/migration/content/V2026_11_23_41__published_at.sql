-- When and by whom the public revision was set (the review chain's approval or its scheduled job).
ALTER TABLE content_work
    ADD COLUMN published_at timestamptz,
    ADD COLUMN published_by varchar(100);
