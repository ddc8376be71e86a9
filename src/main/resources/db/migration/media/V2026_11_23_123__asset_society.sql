-- The society of the account that uploaded an asset (null for association staff and the platform itself):
-- the other accounts of that society may read the asset's status and files before it is published.
ALTER TABLE media_asset ADD COLUMN organisation varchar(64);

UPDATE media_asset a
   SET organisation = o.slug
  FROM identity_account i
  JOIN org_organisation o ON o.id = i.organisation_id
 WHERE i.username = a.uploaded_by;
