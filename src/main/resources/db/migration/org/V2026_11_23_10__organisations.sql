-- The association (市科协) and its member societies (学会): owners of works and events.
CREATE TABLE org_organisation (
    id         uuid         PRIMARY KEY,
    slug       varchar(64)  NOT NULL UNIQUE,
    name       varchar(100) NOT NULL UNIQUE,
    kind       varchar(16)  NOT NULL CHECK (kind IN ('ASSOCIATION', 'SOCIETY')),
    created_at timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO org_organisation (id, slug, name, kind) VALUES
    ('00000000-0000-4000-8000-000000000001', 'kexie',      '市科学技术协会',   'ASSOCIATION'),
    ('00000000-0000-4000-8000-000000000002', 'nutrition',  '市营养学会',       'SOCIETY'),
    ('00000000-0000-4000-8000-000000000003', 'emergency',  '市应急管理学会',   'SOCIETY'),
    ('00000000-0000-4000-8000-000000000004', 'medical',    '市医学会',         'SOCIETY'),
    ('00000000-0000-4000-8000-000000000005', 'agronomy',   '市农学会',         'SOCIETY'),
    ('00000000-0000-4000-8000-000000000006', 'energy',     '市能源研究会',     'SOCIETY'),
    ('00000000-0000-4000-8000-000000000007', 'youth-tech', '市青少年科技教育协会', 'SOCIETY');
