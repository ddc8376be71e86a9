-- Administrators register societies with a contact person; the contact is never shown on public surfaces.
ALTER TABLE org_organisation
    ADD COLUMN contact_name  varchar(100) NOT NULL DEFAULT '',
    ADD COLUMN contact_phone varchar(32)  NOT NULL DEFAULT '',
    ADD COLUMN contact_email varchar(200) NOT NULL DEFAULT '',
    ADD COLUMN updated_at    timestamptz  NOT NULL DEFAULT now();
