package org.kepu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.kepu.KepuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The events benchmarks, run by {@code bench/events.sh}: the application (embedded servers, in this JVM) with a WeChat
 * account configured whose API host answers nothing.
 * <ol>
 * <li><b>Callback</b>: each round, 200 text messages from 200 followers (distinct MsgIds, signed as WeChat signs), and
 * each delivered a second time (WeChat's retry), all 400 requests at once; latency of every request, p50 and p99.
 * Three kinds of rounds, side by side: "codes", texts shaped like a check-in code that matches no registration, which
 * the account counts once per handling in Redis per follower ({@code kepu:wechat:binding-misses:<openid>}: every
 * counter must read exactly 1) before answering with a search of the works (Elasticsearch); "events", the keyword
 * 活动, answered with upcoming events (read from PostgreSQL once per change of the events); and "events-aes", the same
 * in safe mode (messages and replies encrypted).</li>
 * <li><b>iCalendar feed</b>: 10,000 occurrences of a published series, inserted straight into PostgreSQL; the time
 * of {@code GET /api/events/public/calendar.ics} (feed cap raised to 10,000) and its bytes.</li>
 * <li><b>Hand-over</b> (with a fourth argument, first): the application stays up for {@code bench/events.sh}'s wrk
 * runs (see {@link #handOver}), which also warm it up for the rounds above.</li>
 * </ol>
 * Arguments: data folder, rounds, feed runs, and the hand-over folder if any.
 */
public final class EventsBenchmark {

    private static final String TOKEN = "bench-token";
    private static final String APP_ID = "wx0000000000bench";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String ACCOUNT = "gh_bench000001";
    private static final int MESSAGES = 200;
    private static final int OCCURRENCES = 10_000;

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchServers.quietLogging();
        Path data = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int feedRuns = Integer.parseInt(args[2]);
        // Command-line settings: they win over application.yaml (default properties would not).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KepuApplication.class).run(
                "--server.port=0", "--kepu.data-dir=" + data,
                "--kepu.samples.enabled=false", "--kepu.rumor.samples=false", "--kepu.media.processing.enabled=false",
                "--kepu.identity.bootstrap-admin.password=bench-admin-password",
                "--kepu.wechat.app-id=" + APP_ID, "--kepu.wechat.secret=bench-secret", "--kepu.wechat.token=" + TOKEN,
                "--kepu.wechat.aes-key=" + AES_KEY, "--kepu.wechat.api-base-url=http://127.0.0.1:9",
                "--kepu.event.calendar.max-entries=" + OCCURRENCES,
                "--logging.level.root=WARN", "--logging.level.org.kepu=WARN");
        int status = 0;
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            RedisReactiveCommands<String, String> redis = app.getBean(RedisReactiveCommands.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            if (args.length > 3) {
                // First, so that the bursts below meet a warmed-up application, as a running site would be.
                handOver(Path.of(args[3]), ((WebServerApplicationContext) app).getWebServer().getPort());
            }
            for (Kind kind : Kind.values()) {
                callbackRound(http, base, redis, "warmup", kind);
            }
            for (int round = 1; round <= rounds; round++) {
                for (Kind kind : Kind.values()) {
                    status |= callbackRound(http, base, redis, "round " + round, kind);
                }
            }
            feed(http, base, app.getBean(DatabaseClient.class), feedRuns);
        } finally {
            app.close();
        }
        System.exit(status);
    }

    /**
     * Lets another client use the running application: writes its port to {@code port} in the folder and waits until
     * a file {@code done} appears there.
     */
    private static void handOver(Path folder, int port) throws Exception {
        Path written = folder.resolve("port.tmp");
        java.nio.file.Files.writeString(written, Integer.toString(port));
        java.nio.file.Files.move(written, folder.resolve("port"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        while (!java.nio.file.Files.exists(folder.resolve("done"))) {
            Thread.sleep(100);
        }
    }

    /** What a round's messages say, and how they travel. */
    private enum Kind {
        /** Unknown check-in codes: counted per follower, then answered with a search of the works. */
        CODES("codes"),
        /** The keyword 活动: an answer listing upcoming events. */
        EVENTS("events"),
        /** 活动 in safe mode: each message encrypted and signed as WeChat does, each reply encrypted. */
        EVENTS_AES("events-aes");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** @return 0, or 1 when a request failed or a counted message was handled other than exactly once */
    private static int callbackRound(HttpClient http, String base, RedisReactiveCommands<String, String> redis, String name, Kind kind)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long msgBase = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 1000;
        WxMpCryptUtil crypt = new WxMpCryptUtil(account());
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String openid = "o-bench-" + run + "-" + i;
            // Crockford letters and digits, never a live code: "Z" and 7 more.
            String code = "Z" + String.format("%07d", Math.floorMod((run + i).hashCode(), 10_000_000));
            String xml = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                    + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                    + "<Content><![CDATA[" + (kind == Kind.CODES ? code : "活动") + "]]></Content><MsgId>" + (msgBase + i) + "</MsgId></xml>";
            Delivery delivery = kind == Kind.EVENTS_AES ? encrypted(crypt, openid, xml) : signed(openid, xml);
            deliveries.add(delivery);
            deliveries.add(delivery);
        }
        Collections.shuffle(deliveries);
        List<CompletableFuture<Result>> sent = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/wechat/callback?" + delivery.query()))
                    .header("Content-Type", "text/xml").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.xml(), StandardCharsets.UTF_8)).build();
            long started = System.nanoTime();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Result(delivery.openid(), response.statusCode(), response.body(), System.nanoTime() - started)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        List<Result> results = sent.stream().map(CompletableFuture::join).toList();
        long[] micros = results.stream().mapToLong(result -> result.nanos() / 1000).sorted().toArray();
        long failed = results.stream().filter(result -> result.status() != 200).count();
        results.stream().filter(result -> result.status() != 200).findFirst()
                .ifPresent(result -> System.out.println("first failure: " + result.status() + " " + result.body()));
        Map<String, List<String>> replies = new java.util.HashMap<>();
        // Safe-mode replies are sealed with a fresh nonce each time: compare what they say.
        results.forEach(result -> replies.computeIfAbsent(result.openid(), key -> new ArrayList<>())
                .add(result.body().contains("<Encrypt>") ? crypt.decrypt(between(result.body(), "<Encrypt><![CDATA[", "]]></Encrypt>")) : result.body()));
        long differing = replies.values().stream().filter(both -> !both.get(0).equals(both.get(1))).count();
        int handledOnce = 0;
        int handledOther = 0;
        for (String openid : kind == Kind.CODES ? replies.keySet() : List.<String>of()) {
            String count = redis.get("kepu:wechat:binding-misses:" + openid).block();
            if ("1".equals(count)) {
                handledOnce++;
            } else {
                handledOther++;
            }
        }
        System.out.printf("callback %s %s: requests=%d non200=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f messages=%d handled_once=%d handled_other=%d replies_differing=%d%n",
                kind.label, name, results.size(), failed, percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0,
                micros[micros.length - 1] / 1000.0, replies.size(), handledOnce, handledOther, differing);
        // A reply later than kepu.wechat.reply-deadline is answered "success" and stored for the retry, so the two
        // deliveries of a slow message may differ by design; the count above is what proves single handling.
        return handledOther == 0 && failed == 0 ? 0 : 1;
    }

    private static void feed(HttpClient http, String base, DatabaseClient database, int runs) throws Exception {
        database.sql("""
                        INSERT INTO event_series (title, summary, description, organisation_id, topics, status, created_by, updated_by,
                                                  published_by, published_at)
                        SELECT '流动科技馆巡展（压力测试）', '一万个场次', '每个场次两小时。', id, '{health}', 'PUBLISHED', 'bench', 'bench', 'bench', now()
                          FROM org_organisation ORDER BY created_at LIMIT 1
                        RETURNING id""").map(row -> row.get("id", UUID.class)).one()
                .flatMap(series -> database.sql("""
                                INSERT INTO event_occurrence (series_id, title, starts_at, ends_at, venue_name, venue_address, district,
                                                              latitude, longitude, registration_enabled, registration_opens_at,
                                                              registration_closes_at, registration_capacity)
                                SELECT :series, '第 ' || n || ' 站', date_trunc('hour', now()) + n * interval '2 hours',
                                       date_trunc('hour', now()) + n * interval '2 hours' + interval '90 minutes',
                                       '赫山区科技馆', '益阳市赫山区人民路 ' || n || ' 号', '赫山区', 28.55, 112.35,
                                       n % 2 = 0, now() - interval '1 day', date_trunc('hour', now()) + n * interval '2 hours', 50
                                  FROM generate_series(1, :count) AS n""")
                        .bind("series", series).bind("count", OCCURRENCES).fetch().rowsUpdated())
                .block();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events/public/calendar.ics")).timeout(Duration.ofMinutes(2)).GET().build();
        List<Double> millis = new ArrayList<>();
        int bytes = 0;
        int entries = 0;
        for (int run = 0; run <= runs; run++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("calendar.ics answered " + response.statusCode());
            }
            bytes = response.body().length;
            entries = new String(response.body(), StandardCharsets.UTF_8).split("BEGIN:VEVENT", -1).length - 1;
            if (run > 0) {
                millis.add(elapsed);
            }
            System.out.printf("feed run %d%s: %.0f ms, %d bytes, %d VEVENTs%n", run, run == 0 ? " (warm-up)" : "", elapsed, bytes, entries);
        }
        Collections.sort(millis);
        System.out.printf("feed: occurrences=%d vevents=%d bytes=%d median_ms=%.0f min_ms=%.0f max_ms=%.0f%n", OCCURRENCES, entries, bytes,
                millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));
    }

    /** A plain-mode delivery: WeChat signs the token, timestamp and nonce. */
    private static Delivery signed(String openid, String xml) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().substring(0, 10);
        return new Delivery(openid, "signature=" + sha1(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openid, xml);
    }

    /** A safe-mode delivery: the message encrypted, and signed with its cipher text ({@code msg_signature}). */
    private static Delivery encrypted(WxMpCryptUtil crypt, String openid, String xml) throws Exception {
        String sealed = crypt.encrypt(xml);
        String cipher = between(sealed, "<Encrypt><![CDATA[", "]]></Encrypt>");
        String timestamp = between(sealed, "<TimeStamp>", "</TimeStamp>");
        String nonce = between(sealed, "<Nonce><![CDATA[", "]]></Nonce>");
        String body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + cipher + "]]></Encrypt></xml>";
        return new Delivery(openid, "signature=" + sha1(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openid + "&encrypt_type=aes&msg_signature=" + sha1(TOKEN, timestamp, nonce, cipher), body);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static WxMpDefaultConfigImpl account() {
        WxMpDefaultConfigImpl account = new WxMpDefaultConfigImpl();
        account.setAppId(APP_ID);
        account.setToken(TOKEN);
        account.setAesKey(AES_KEY);
        return account;
    }

    private record Delivery(String openid, String query, String xml) {
    }

    private record Result(String openid, int status, String body, long nanos) {
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }
}
