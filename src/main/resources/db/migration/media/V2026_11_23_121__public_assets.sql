-- Which assets the public may fetch under /media/<asset>/…: one row per asset and published work that
-- uses it (as media, cover or attachment). Kept by the publishing transaction of the content module; an
-- asset is public while it has any row.
CREATE TABLE media_public_asset (
    asset_id   uuid        NOT NULL REFERENCES media_asset (id),
    work_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (asset_id, work_id)
);
CREATE INDEX media_public_asset_work ON media_public_asset (work_id);

-- Works published before this table existed.
INSERT INTO media_public_asset (asset_id, work_id)
SELECT DISTINCT used.asset_id, w.id
  FROM content_work w
  JOIN content_revision r ON r.work_id = w.id AND r.number = w.published_revision
 CROSS JOIN LATERAL unnest(r.media_assets || r.cover_asset) AS used (asset_id)
 WHERE used.asset_id IS NOT NULL
   AND EXISTS (SELECT 1 FROM media_asset a WHERE a.id = used.asset_id);
