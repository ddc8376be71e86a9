-- Event schedules published as WeChat articles (draft/add, freepublish/submit), and mass sends of them.

CREATE TABLE wechat_publication (
    id             uuid PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('SERIES', 'MONTH')),
    -- The series id, or the month as YYYY-MM.
    subject        text NOT NULL,
    title          text NOT NULL,
    status         text NOT NULL CHECK (status IN ('QUEUED', 'DRAFTING', 'DRAFTED', 'SUBMITTING', 'PUBLISHING', 'PUBLISHED', 'FAILED')),
    thumb_media_id text,
    draft_media_id text,
    publish_id     text,
    article_id     text,
    article_url    text,
    error_code     integer,
    error_message  text,
    job_id         bigint,
    requested_by   text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- One publication in progress per series or month: asking again answers the one under way.
CREATE UNIQUE INDEX wechat_publication_in_progress ON wechat_publication (kind, subject)
    WHERE status NOT IN ('PUBLISHED', 'FAILED');
CREATE UNIQUE INDEX wechat_publication_publish_id ON wechat_publication (publish_id) WHERE publish_id IS NOT NULL;
CREATE INDEX wechat_publication_created ON wechat_publication (created_at DESC);

CREATE TABLE wechat_mass_send (
    id             uuid PRIMARY KEY,
    publication_id uuid NOT NULL REFERENCES wechat_publication (id),
    status         text NOT NULL CHECK (status IN ('QUEUED', 'DRAFTING', 'SENDING', 'SENT', 'FAILED')),
    draft_media_id text,
    msg_id         text,
    msg_data_id    text,
    -- What WeChat reported in MASSSENDJOBFINISH (send success, err(…)), with its counts.
    result         text,
    total_count    integer,
    sent_count     integer,
    error_count    integer,
    error_code     integer,
    error_message  text,
    requested_by   text NOT NULL,
    requested_at   timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A publication is sent to followers at most once (a failed send may be asked for again).
CREATE UNIQUE INDEX wechat_mass_send_once ON wechat_mass_send (publication_id) WHERE status <> 'FAILED';
CREATE INDEX wechat_mass_send_requested ON wechat_mass_send (requested_at DESC);
CREATE UNIQUE INDEX wechat_mass_send_msg_id ON wechat_mass_send (msg_id) WHERE msg_id IS NOT NULL;
