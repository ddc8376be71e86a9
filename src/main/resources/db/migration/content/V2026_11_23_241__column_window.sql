-- Editors pin columns to the top and give them a window of visibility on the public site
-- (null bounds: open-ended). Outside its window a column is neither listed nor served.
ALTER TABLE content_column
    ADD COLUMN pinned        boolean     NOT NULL DEFAULT false,
    ADD COLUMN visible_from  timestamptz,
    ADD COLUMN visible_until timestamptz,
    ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT content_column_window CHECK (visible_from IS NULL OR visible_until IS NULL OR visible_until > visible_from);
