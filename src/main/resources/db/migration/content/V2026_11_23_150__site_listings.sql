-- Public listings (home, topic, column and society pages) read the newest published works.
CREATE INDEX content_work_published_at ON content_work (published_at DESC) WHERE published_revision IS NOT NULL;

-- The special columns the association runs from the start; editors rename or add more.
INSERT INTO content_column (slug, name, description, position) VALUES
    ('focus-20th', '聚焦二十大', '学习宣传贯彻党的二十大精神，解读科技强国、健康中国、乡村振兴等科普主题。', 1),
    ('science-rumors', '科学辟谣', '针对社会关切和网络流言，由学会专家给出科学解读。', 2)
ON CONFLICT (slug) DO NOTHING;
