-- Uploaded originals. Objects live under generated keys; the uploader's file name is metadata only.
CREATE TABLE media_asset (
    id            uuid         PRIMARY KEY,
    purpose       varchar(16)  NOT NULL CHECK (purpose IN ('VIDEO', 'ANIMATION', 'AUDIO', 'DOCUMENT', 'IMAGE')),
    status        varchar(16)  NOT NULL CHECK (status IN ('UPLOADING', 'STORED', 'REJECTED', 'ABORTED')),
    original_name varchar(255) NOT NULL,
    declared_type varchar(255),
    detected_type varchar(255),
    size_bytes    bigint,
    object_key    varchar(300) NOT NULL UNIQUE,
    uploaded_by   varchar(200) NOT NULL,
    error         text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX media_asset_uploader ON media_asset (uploaded_by, created_at DESC);

-- S3 multipart upload sessions: the client sends parts straight to object storage with presigned URLs.
CREATE TABLE media_upload (
    id            uuid          PRIMARY KEY,
    asset_id      uuid          NOT NULL UNIQUE REFERENCES media_asset (id),
    s3_upload_id  varchar(1024) NOT NULL,
    declared_size bigint        NOT NULL CHECK (declared_size > 0),
    part_size     bigint        NOT NULL CHECK (part_size > 0),
    part_count    integer       NOT NULL CHECK (part_count BETWEEN 1 AND 10000),
    status        varchar(16)   NOT NULL CHECK (status IN ('UPLOADING', 'COMPLETING', 'ABORTING', 'COMPLETED', 'REJECTED', 'ABORTED')),
    expires_at    timestamptz   NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX media_upload_expiring ON media_upload (expires_at) WHERE status IN ('UPLOADING', 'ABORTING');
