-- Every state change and permission-relevant action: who, what, on which subject, when, from where.
-- Rows are only ever inserted.
CREATE TABLE platform_audit (
    id         bigserial    PRIMARY KEY,
    at         timestamptz  NOT NULL DEFAULT now(),
    actor      varchar(100) NOT NULL,
    action     varchar(64)  NOT NULL,
    subject    varchar(200) NOT NULL,
    details    jsonb        NOT NULL DEFAULT '{}'::jsonb,
    address    varchar(64)
);
CREATE INDEX platform_audit_subject ON platform_audit (subject, id DESC);
CREATE INDEX platform_audit_actor ON platform_audit (actor, id DESC);
CREATE INDEX platform_audit_action ON platform_audit (action, id DESC);

CREATE OR REPLACE FUNCTION platform_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER platform_audit_append_only
    BEFORE UPDATE OR DELETE ON platform_audit
    FOR EACH ROW EXECUTE FUNCTION platform_audit_is_append_only();
