package org.kepu.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deterministic science works for benchmarks, written from the relevance test's corpus
 * ({@code search/corpus.jsonl}, 308 hand-written works): per topic, its sentences, summaries, titles and tags are
 * recombined into new works with titles from typical patterns (知识问答, 误区, 季节提示, 区县活动 …), so term
 * frequencies, lengths and the mix of topics, kinds and organisations look like a city science site's, while the
 * same seed always gives the same works.
 *
 * <p>Mix: eight topics with equal weight (works without a topic come from the corpus's sentences only as the odd
 * sentence of another work: a work needs at least one topic), 15% with a second topic; 60% articles (3–6 paragraphs of
 * 2–4 sentences, about 600 characters), 20% micro-videos, 10% animations, 10% audio (one or two paragraphs);
 * organisation by topic (75%) or any of the seven; published between 2021-01-01 and 2026-11-20.
 */
final class GeneratedWorks {

    /** One generated work, as the content tables hold it. */
    record Work(UUID id, String kind, String organisation, String title, String summary, String bodyHtml, List<String> topics,
                List<String> tags, String creditsJson, OffsetDateTime publishedAt) {
    }

    static final List<String> TOPICS = List.of("carbon", "food-safety", "double-reduction", "emergency", "rural", "work-safety",
            "minors", "health");
    private static final Map<String, String> ORGANISATION_OF_TOPIC = Map.of("carbon", "energy", "food-safety", "nutrition",
            "double-reduction", "youth-tech", "emergency", "emergency", "rural", "agronomy", "work-safety", "emergency",
            "minors", "youth-tech", "health", "medical");
    private static final List<String> ORGANISATIONS = List.of("kexie", "nutrition", "emergency", "medical", "agronomy", "energy",
            "youth-tech");
    private static final List<String> DISTRICTS = List.of("资阳区", "赫山区", "南县", "桃江县", "安化县", "沅江市", "大通湖区",
            "益阳高新区");
    private static final List<String> SEASONS = List.of("春季", "夏季", "秋季", "冬季", "汛期", "开学季", "暑期", "节假日");
    private static final List<String> AUDIENCES = List.of("家长", "中小学生", "老年人", "农民朋友", "上班族", "社区居民", "孕产妇",
            "企业职工");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
            "胡", "朱", "高", "林", "何", "郭", "马", "罗");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
            "明", "超", "秀英", "建华", "志强", "晓燕", "海燕", "丽娟", "文博", "思远", "雨桐");
    private static final long FIRST = OffsetDateTime.of(2021, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toEpochSecond();
    private static final long LAST = OffsetDateTime.of(2026, 11, 20, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toEpochSecond();

    /** What the corpus says about one topic. */
    private record Material(List<String> titles, List<String> summaries, List<String> sentences, List<String> tags) {
    }

    private final Map<String, Material> material;
    private final Material untopical;
    private final Random random;

    GeneratedWorks(long seed) throws Exception {
        this.random = new Random(seed);
        Map<String, Material> byTopic = new LinkedHashMap<>();
        TOPICS.forEach(topic -> byTopic.put(topic, new Material(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>())));
        Material none = new Material(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = GeneratedWorks.class.getResourceAsStream("/search/corpus.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode work = json.readTree(line);
                List<String> topics = new ArrayList<>();
                work.path("topics").forEach(topic -> topics.add(topic.asString()));
                for (Material into : topics.isEmpty() ? List.of(none) : topics.stream().map(byTopic::get).toList()) {
                    into.titles().add(work.path("title").asString());
                    into.summaries().add(work.path("summary").asString());
                    into.sentences().addAll(sentences(work.path("body").asString()));
                    work.path("tags").forEach(tag -> {
                        if (!into.tags().contains(tag.asString())) {
                            into.tags().add(tag.asString());
                        }
                    });
                }
            }
        }
        this.material = byTopic;
        this.untopical = none;
    }

    private static List<String> sentences(String body) {
        String text = body.replaceAll("<[^>]+>", "");
        List<String> sentences = new ArrayList<>();
        for (String sentence : text.split("(?<=[。！？])")) {
            if (sentence.strip().length() > 4) {
                sentences.add(sentence.strip());
            }
        }
        return sentences;
    }

    Work next() {
        UUID id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        List<String> topics = new ArrayList<>();
        topics.add(pick(TOPICS));
        if (random.nextInt(100) < 15) {
            String second = pick(TOPICS);
            if (!topics.contains(second)) {
                topics.add(second);
            }
        }
        Material main = material.get(topics.get(0));
        int k = random.nextInt(10);
        String kind = k < 6 ? "ARTICLE" : k < 8 ? "VIDEO" : k < 9 ? "ANIMATION" : "AUDIO";
        String organisation = random.nextInt(4) == 0 ? pick(ORGANISATIONS) : ORGANISATION_OF_TOPIC.get(topics.get(0));

        Set<String> tags = new LinkedHashSet<>();
        int tagCount = 2 + random.nextInt(3);
        for (int i = 0; i < tagCount * 2 && tags.size() < tagCount; i++) {
            tags.add(pick(topics.size() > 1 && i % 2 == 1 ? material.get(topics.get(1)).tags() : main.tags()));
        }
        List<String> tagList = List.copyOf(tags);
        String title = title(kind, main, tagList);

        StringBuilder body = new StringBuilder();
        int paragraphs = kind.equals("ARTICLE") ? 3 + random.nextInt(4) : 1 + random.nextInt(2);
        for (int p = 0; p < paragraphs; p++) {
            body.append("<p>");
            int count = 2 + random.nextInt(3);
            for (int s = 0; s < count; s++) {
                Material from = topics.size() > 1 && random.nextInt(3) == 0 ? material.get(topics.get(1))
                        : random.nextInt(12) == 0 ? (random.nextInt(9) == 0 ? untopical : material.get(pick(TOPICS))) : main;
                body.append(escape(pick(from.sentences())));
            }
            body.append("</p>");
        }
        String credits = "[{\"role\":\"AUTHOR\",\"name\":\"" + name() + "\"}"
                + (random.nextBoolean() ? ",{\"role\":\"EXPERT\",\"name\":\"" + name() + "\"}" : "") + "]";
        long published = FIRST + (long) (random.nextDouble() * (LAST - FIRST));
        return new Work(id, kind, organisation, title, pick(main.summaries()), body.toString(), List.copyOf(topics), tagList,
                credits, OffsetDateTime.ofInstant(Instant.ofEpochSecond(published), ZoneOffset.ofHours(8)));
    }

    private String title(String kind, Material topic, List<String> tags) {
        String tag = tags.get(0);
        String other = tags.size() > 1 ? tags.get(1) : pick(topic.tags());
        String base = pick(topic.titles());
        String title = switch (random.nextInt(12)) {
            case 0, 1 -> base;
            case 2 -> base + "（" + pick(DISTRICTS) + "版）";
            case 3 -> tag + pick(List.of("知识问答", "科普手册", "十问十答", "小课堂", "常识"));
            case 4 -> pick(SEASONS) + tag + pick(List.of("指南", "提示", "要点", "注意事项"));
            case 5 -> pick(AUDIENCES) + "必读：" + tag + "与" + other;
            case 6 -> "关于" + tag + "，这" + pick(List.of("三", "五", "六", "八", "十")) + "个误区要当心";
            case 7 -> pick(DISTRICTS) + "开展" + tag + pick(List.of("宣传", "科普", "主题")) + "活动";
            case 8 -> tag + "怎么办？专家" + pick(List.of("解答", "支招", "提醒"));
            case 9 -> "图解" + tag + "：" + other;
            case 10 -> "一图读懂" + tag;
            default -> pick(List.of("科普", "读懂", "聊聊", "认识")) + tag + "和" + other;
        };
        return switch (kind) {
            case "VIDEO" -> random.nextBoolean() ? "微视频｜" + title : title;
            case "ANIMATION" -> random.nextBoolean() ? "科普动画：" + title : title;
            case "AUDIO" -> random.nextBoolean() ? "听科普｜" + title : title;
            default -> title;
        };
    }

    private String name() {
        return pick(SURNAMES) + pick(GIVEN);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
