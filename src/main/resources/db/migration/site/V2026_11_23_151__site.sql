-- Works editors pick for the home page, in slot order.
CREATE TABLE site_featured (
    position   integer     PRIMARY KEY CHECK (position BETWEEN 1 AND 12),
    work_id    uuid        NOT NULL UNIQUE,
    picked_by  varchar(100) NOT NULL,
    picked_at  timestamptz NOT NULL DEFAULT now()
);

-- Page views counted in Redis and added here by the flush: totals per work and per day.
CREATE TABLE site_work_views (
    work_id    uuid        PRIMARY KEY,
    views      bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_work_views_most ON site_work_views (views DESC);

CREATE TABLE site_work_views_daily (
    work_id  uuid    NOT NULL,
    day      date    NOT NULL,
    views    bigint  NOT NULL DEFAULT 0,
    visitors bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (work_id, day)
);
