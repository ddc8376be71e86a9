-- Event reminders as WeChat subscribe messages (订阅通知, message/subscribe/bizsend).

-- A follower bound an event registration to their openid by sending its check-in code to the account.
CREATE TABLE wechat_registration_binding (
    registration_id uuid        PRIMARY KEY,
    openid          text        NOT NULL,
    bound_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wechat_registration_binding_openid ON wechat_registration_binding (openid);

-- What a follower last answered to the subscribe popup of a template (subscribe_msg_popup_event,
-- subscribe_msg_change_event); a message is sent only while it is accepted.
CREATE TABLE wechat_reminder_consent (
    openid      text        NOT NULL,
    template_id text        NOT NULL,
    accepted    boolean     NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (openid, template_id)
);

-- One message per registration and start time. SENDING is recorded before the call: a job that finds it again
-- cannot know whether WeChat received it, and marks it UNKNOWN instead of sending twice.
CREATE TABLE wechat_reminder (
    registration_id uuid        NOT NULL,
    starts_at       timestamptz NOT NULL,
    openid          text        NOT NULL,
    title           text        NOT NULL,
    place           text        NOT NULL,
    page            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'UNKNOWN', 'FAILED')),
    error_code      integer,
    error_message   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (registration_id, starts_at)
);
