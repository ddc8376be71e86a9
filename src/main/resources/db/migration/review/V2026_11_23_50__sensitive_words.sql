-- The dictionary of the sensitive-word screen, edited by administrators.
--   BLOCK: a hit stops the work;  FLAG: a hit warns the reviewers;  ALLOW: never a hit (fixes false
--   positives: an allowed word that covers a hit, such as 精神药物 over 神药, suppresses it).
-- match_key is the word as the screen reads it (letters and digits only, lower case, half-width,
-- simplified): two spellings with one key are one entry. A deleted entry keeps its row.
CREATE TABLE review_sensitive_word (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    word        varchar(50)  NOT NULL CHECK (btrim(word) <> ''),
    match_key   varchar(50)  NOT NULL CHECK (char_length(match_key) >= 2),
    level       varchar(8)   NOT NULL CHECK (level IN ('BLOCK', 'FLAG', 'ALLOW')),
    note        varchar(200) NOT NULL DEFAULT '',
    created_by  varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_by  varchar(100),
    deleted_at  timestamptz,
    CHECK ((deleted_by IS NULL) = (deleted_at IS NULL))
);
CREATE UNIQUE INDEX review_sensitive_word_live_key ON review_sensitive_word (match_key) WHERE deleted_at IS NULL;

-- A small starter set; the association's own dictionary is built through the admin API.
INSERT INTO review_sensitive_word (word, match_key, level, note, created_by) VALUES
    -- Promotion of crime: drug, weapon and gambling trade, forged papers and invoices.
    ('出售冰毒',   '出售冰毒',   'BLOCK', '毒品交易信息', 'system'),
    ('出售枪支',   '出售枪支',   'BLOCK', '枪支交易信息', 'system'),
    ('赌场开户',   '赌场开户',   'BLOCK', '赌博推广', 'system'),
    ('六合彩内幕', '六合彩内幕', 'BLOCK', '赌博推广', 'system'),
    ('代开发票',   '代开发票',   'BLOCK', '虚开发票广告', 'system'),
    ('代办假证',   '代办假证',   'BLOCK', '伪造证件广告', 'system'),
    -- Health claims that science-popularisation review must question (exaggerated or absolute efficacy).
    ('包治百病',   '包治百病',   'FLAG', '夸大疗效', 'system'),
    ('根治',       '根治',       'FLAG', '绝对化疗效承诺，核实是否有依据', 'system'),
    ('神药',       '神药',       'FLAG', '夸大疗效', 'system'),
    ('零风险',     '零风险',     'FLAG', '绝对化安全承诺', 'system'),
    ('100%有效',   '100有效',    'FLAG', '绝对化疗效承诺', 'system'),
    ('百分之百有效', '百分之百有效', 'FLAG', '绝对化疗效承诺', 'system'),
    ('药到病除',   '药到病除',   'FLAG', '夸大疗效', 'system'),
    ('无副作用',   '无副作用',   'FLAG', '绝对化安全承诺', 'system'),
    ('永不复发',   '永不复发',   'FLAG', '绝对化疗效承诺', 'system'),
    ('祖传秘方',   '祖传秘方',   'FLAG', '常见于虚假医疗宣传', 'system'),
    ('立竿见影',   '立竿见影',   'FLAG', '夸大疗效', 'system'),
    ('彻底治愈',   '彻底治愈',   'FLAG', '绝对化疗效承诺', 'system'),
    -- Ordinary terms that contain a listed word.
    ('精神药物',   '精神药物',   'ALLOW', '医学术语，含“神药”', 'system'),
    ('精神药品',   '精神药品',   'ALLOW', '医学术语，含“神药”', 'system');
