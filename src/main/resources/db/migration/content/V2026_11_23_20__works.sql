-- Topics (主题), editable by editors; the eight of the product are seeded.
CREATE TABLE content_topic (
    slug       varchar(64)  PRIMARY KEY,
    name       varchar(64)  NOT NULL UNIQUE,
    position   integer      NOT NULL DEFAULT 0,
    created_at timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO content_topic (slug, name, position) VALUES
    ('carbon',         '双碳',         1),
    ('food-safety',    '食品安全',     2),
    ('double-reduction', '双减',       3),
    ('emergency',      '应急',         4),
    ('rural',          '乡村振兴',     5),
    ('work-safety',    '安全生产',     6),
    ('minors',         '未成年人保护', 7),
    ('health',         '健康卫生',     8);

-- Special columns (专栏) and their ordered entries.
CREATE TABLE content_column (
    slug        varchar(64)  PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    description text         NOT NULL DEFAULT '',
    position    integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- A work is its identity and two pointers: the working draft and the released revision.
CREATE TABLE content_work (
    id                 uuid        PRIMARY KEY,
    kind               varchar(16) NOT NULL CHECK (kind IN ('ARTICLE', 'VIDEO', 'ANIMATION', 'AUDIO')),
    organisation_id    uuid        NOT NULL,
    draft_revision     integer     NOT NULL,
    published_revision integer,
    created_by         varchar(100) NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_work_organisation ON content_work (organisation_id, updated_at DESC);

-- Every saved state of a work; rows are only ever inserted.
CREATE TABLE content_revision (
    work_id      uuid         NOT NULL REFERENCES content_work (id),
    number       integer      NOT NULL CHECK (number > 0),
    title        varchar(200) NOT NULL,
    summary      text         NOT NULL DEFAULT '',
    body_format  varchar(16)  NOT NULL CHECK (body_format IN ('HTML', 'MARKDOWN')),
    body_source  text         NOT NULL DEFAULT '',
    body_html    text         NOT NULL DEFAULT '',
    topics       varchar(64)[] NOT NULL DEFAULT '{}',
    columns      varchar(64)[] NOT NULL DEFAULT '{}',
    tags         varchar(50)[] NOT NULL DEFAULT '{}',
    credits      jsonb        NOT NULL DEFAULT '[]'::jsonb,
    originality  varchar(16)  NOT NULL CHECK (originality IN ('ORIGINAL', 'ADAPTED', 'REPRINTED')),
    licence      varchar(32)  NOT NULL,
    cover_asset  uuid,
    media_assets uuid[]       NOT NULL DEFAULT '{}',
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (work_id, number)
);

CREATE OR REPLACE FUNCTION content_revision_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'content revisions are never changed or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER content_revision_immutable
    BEFORE UPDATE OR DELETE ON content_revision
    FOR EACH ROW EXECUTE FUNCTION content_revision_is_immutable();
