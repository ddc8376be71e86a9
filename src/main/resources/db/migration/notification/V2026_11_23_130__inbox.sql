-- The in-app inbox: one row per recipient and notice; the text is rendered when read, in the reader's language.
CREATE TABLE notification_message (
    id         bigserial    PRIMARY KEY,
    recipient  varchar(64)  NOT NULL,
    kind       varchar(64)  NOT NULL,
    arguments  jsonb        NOT NULL DEFAULT '[]',
    subject    varchar(200),
    link       varchar(300),
    created_at timestamptz  NOT NULL DEFAULT now(),
    read_at    timestamptz
);

CREATE INDEX notification_message_inbox ON notification_message (recipient, id DESC);
CREATE INDEX notification_message_unread ON notification_message (recipient) WHERE read_at IS NULL;
