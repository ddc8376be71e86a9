-- Processing of stored originals: what ffprobe and Tika found, progress, and the published files.
ALTER TABLE media_asset DROP CONSTRAINT media_asset_status_check;
ALTER TABLE media_asset ADD CONSTRAINT media_asset_status_check
    CHECK (status IN ('UPLOADING', 'STORED', 'PROCESSING', 'PLAYABLE', 'PROCESSED', 'REJECTED', 'ABORTED'));
ALTER TABLE media_asset
    ADD COLUMN facts          jsonb,
    ADD COLUMN extracted      jsonb,
    ADD COLUMN extracted_text text,
    ADD COLUMN progress       real NOT NULL DEFAULT 0;

-- The files a player or page uses, by role; segments of an HLS rendition are not listed.
CREATE TABLE media_rendition (
    asset_id     uuid         NOT NULL REFERENCES media_asset (id),
    name         varchar(64)  NOT NULL,
    path         varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    bytes        bigint       NOT NULL,
    width        integer,
    height       integer,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (asset_id, name)
);
