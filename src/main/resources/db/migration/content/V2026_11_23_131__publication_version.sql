-- A counter that grows with every change of a work's public revision (publish, replace, unpublish).
-- Search uses it as the document version, so a late, older indexing job never overwrites a newer state,
-- also when the same revision is unpublished and published again.
ALTER TABLE content_work ADD COLUMN publication_version bigint NOT NULL DEFAULT 0;
UPDATE content_work SET publication_version = 1 WHERE published_revision IS NOT NULL;

CREATE FUNCTION content_work_publication_version() RETURNS trigger AS $$
BEGIN
    IF NEW.published_revision IS DISTINCT FROM OLD.published_revision THEN
        NEW.publication_version := OLD.publication_version + 1;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER content_work_publication_version BEFORE UPDATE ON content_work
    FOR EACH ROW EXECUTE FUNCTION content_work_publication_version();
