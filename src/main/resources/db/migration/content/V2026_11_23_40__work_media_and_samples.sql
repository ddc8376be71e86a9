-- Finding the drafts that use a media file (to fill their empty fields once it is processed).
CREATE INDEX content_revision_media ON content_revision USING gin (media_assets);

-- Sample content imported on the first start of an embedded installation: one row per manifest entry
-- once its work exists, so an interrupted import resumes where it stopped and never runs twice.
CREATE TABLE content_sample_import (
    manifest_version integer     PRIMARY KEY,
    started_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE content_sample (
    file       varchar(300) PRIMARY KEY,
    work_id    uuid         NOT NULL REFERENCES content_work (id),
    created_at timestamptz  NOT NULL DEFAULT now()
);
