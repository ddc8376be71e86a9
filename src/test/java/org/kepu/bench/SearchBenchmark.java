package org.kepu.bench;

import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import jakarta.json.stream.JsonGenerator;
import org.kepu.search.internal.query.SearchQuery;
import org.kepu.search.internal.query.WorkQueries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JUnit-free runner for {@code bench/search.sh}; the servers come from {@code BenchServers}.
 * <pre>
 *   servers &lt;data folder&gt; &lt;settings file&gt;
 *       the four embedded servers, as {@code UploadBenchmark servers}
 *   generate &lt;settings file&gt; &lt;count&gt; &lt;seed&gt;
 *       inserts {@code count} published works ({@link GeneratedWorks}) straight into PostgreSQL's content tables, as
 *       a restored backup would hold them: no events, no indexing jobs. Prints {@code generated=… seconds=…}
 *   requests &lt;queries file&gt; &lt;alias&gt; &lt;Kepu paths out&gt; &lt;Elasticsearch requests out&gt;
 *       for each query (one a line): the path of {@code GET /api/search?q=…}, and the request Kepu sends to
 *       Elasticsearch for it ({@link WorkQueries#request}, serialized by the client's own mapper) as
 *       {@code path<TAB>body}, one a line, for wrk
 *   reindex &lt;settings file&gt; &lt;Kepu URL&gt; &lt;admin&gt; &lt;password&gt;
 *       {@code POST /api/admin/search/reindex}, then follows the job until it succeeded. Prints
 *       {@code reindex_seconds=… indexed=… docs_per_second=…} (seconds from the request to the job's success as seen
 *       by polling every 100 ms; documents counted in the alias afterwards)
 *   publish &lt;settings file&gt; &lt;Kepu URL&gt; &lt;admin&gt; &lt;password&gt; &lt;count&gt; &lt;seed&gt;
 *       creates four accounts (society member, 一审, 二审, 终审), then for each of {@code count} works: creates it,
 *       submits it and has the three stages approve it over HTTP, and from the moment the 终审 approval returns
 *       (status PUBLISHED) searches {@code /api/search} for the work's own code word every 20 ms until the work is
 *       among the hits. Prints one {@code latency_ms=…} line per work and a summary
 * </pre>
 */
public final class SearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PASSWORD = "bench-search-password";

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchServers.quietLogging();
        switch (args[0]) {
            case "servers" -> BenchServers.run(Path.of(args[1]), Path.of(args[2]));
            case "generate" -> generate(BenchServers.settings(Path.of(args[1])), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "requests" -> requests(Path.of(args[1]), args[2], Path.of(args[3]), Path.of(args[4]));
            case "reindex" -> reindex(BenchServers.settings(Path.of(args[1])), args[2], args[3], args[4]);
            case "publish" -> publish(BenchServers.settings(Path.of(args[1])), args[2], args[3], args[4],
                    Integer.parseInt(args[5]), Long.parseLong(args[6]));
            default -> throw new IllegalArgumentException("unknown action " + args[0]);
        }
    }

    // --- generate --------------------------------------------------------------------------------------------

    private static void generate(Map<String, String> settings, int count, long seed) throws Exception {
        long started = System.nanoTime();
        GeneratedWorks works = new GeneratedWorks(seed);
        String url = "jdbc:" + settings.get("kepu.postgres.url") + "?reWriteBatchedInserts=true";
        try (Connection db = DriverManager.getConnection(url, settings.get("kepu.postgres.username"), "")) {
            db.setAutoCommit(false);
            Map<String, Object> organisations = new HashMap<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT slug, id FROM org_organisation")) {
                while (rows.next()) {
                    organisations.put(rows.getString(1), rows.getObject(2));
                }
            }
            try (PreparedStatement work = db.prepareStatement("""
                    INSERT INTO content_work (id, kind, organisation_id, draft_revision, published_revision, created_by,
                                              created_at, updated_at, published_at, published_by, publication_version)
                    VALUES (?, ?, ?, 1, 1, 'bench', ?, ?, ?, 'bench', 1)""");
                 PreparedStatement revision = db.prepareStatement("""
                         INSERT INTO content_revision (work_id, number, title, summary, body_format, body_source, body_html,
                                                       topics, columns, tags, credits, originality, licence, created_by, created_at)
                         VALUES (?, 1, ?, ?, 'HTML', ?, ?, ?, '{}', ?, CAST(? AS jsonb), 'ORIGINAL', 'CC-BY-NC-4.0', 'bench', ?)""")) {
                for (int i = 1; i <= count; i++) {
                    GeneratedWorks.Work w = works.next();
                    work.setObject(1, w.id());
                    work.setString(2, w.kind());
                    work.setObject(3, organisations.get(w.organisation()));
                    work.setObject(4, w.publishedAt());
                    work.setObject(5, w.publishedAt());
                    work.setObject(6, w.publishedAt());
                    work.addBatch();
                    revision.setObject(1, w.id());
                    revision.setString(2, w.title());
                    revision.setString(3, w.summary());
                    revision.setString(4, w.bodyHtml());
                    revision.setString(5, w.bodyHtml());
                    revision.setArray(6, db.createArrayOf("varchar", w.topics().toArray()));
                    revision.setArray(7, db.createArrayOf("varchar", w.tags().toArray()));
                    revision.setString(8, w.creditsJson());
                    revision.setObject(9, w.publishedAt());
                    revision.addBatch();
                    if (i % 1000 == 0 || i == count) {
                        work.executeBatch();
                        revision.executeBatch();
                        db.commit();
                    }
                }
            }
            db.createStatement().execute("ANALYZE content_work");
            db.createStatement().execute("ANALYZE content_revision");
            db.commit();
        }
        System.out.printf(Locale.ROOT, "generated=%d seconds=%.1f%n", count, (System.nanoTime() - started) / 1e9);
    }

    // --- requests --------------------------------------------------------------------------------------------

    private static void requests(Path queries, String alias, Path kepuOut, Path elasticsearchOut) throws Exception {
        JsonpMapper mapper = new Jackson3JsonpMapper();
        List<String> kepu = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        for (String query : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            if (query.isBlank() || query.startsWith("#")) {
                continue;
            }
            kepu.add("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
            SearchRequest request = WorkQueries.request(alias, SearchQuery.of(query, SearchQuery.DEFAULT_SIZE));
            String path = SearchRequest._ENDPOINT.requestUrl(request) + "?" + SearchRequest._ENDPOINT.queryParameters(request)
                    .entrySet().stream().map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            StringWriter body = new StringWriter();
            try (JsonGenerator generator = mapper.jsonProvider().createGenerator(body)) {
                request.serialize(generator, mapper);
            }
            if (body.toString().contains("\t") || body.toString().contains("\n")) {
                throw new IllegalStateException("A request body must fit on one line: " + query);
            }
            direct.add(path + "\t" + body);
        }
        Files.write(kepuOut, kepu, StandardCharsets.UTF_8);
        Files.write(elasticsearchOut, direct, StandardCharsets.UTF_8);
        System.out.println("requests=" + kepu.size());
    }

    // --- reindex ---------------------------------------------------------------------------------------------

    private static void reindex(Map<String, String> settings, String kepu, String admin, String password) throws Exception {
        String auth = basic(admin, password);
        long started = System.nanoTime();
        JsonNode queued = send(HttpRequest.newBuilder(URI.create(kepu + "/api/admin/search/reindex"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()), 202);
        long job = queued.path("job").asLong();
        String status;
        do {
            Thread.sleep(100);
            JsonNode state = send(HttpRequest.newBuilder(URI.create(kepu + "/api/admin/jobs/" + job)).header("Authorization", auth).GET(), 200);
            status = state.path("status").asString();
            if (status.equals("FAILED") || state.path("attempts").asInt() > 1) {
                throw new IllegalStateException("The reindex job " + job + " is " + status + " after " + state.path("attempts").asInt()
                        + " attempts: " + state.path("lastError").asString());
            }
        } while (!status.equals("SUCCEEDED"));
        double seconds = (System.nanoTime() - started) / 1e9;
        long indexed = send(HttpRequest.newBuilder(URI.create(settings.get("kepu.elasticsearch.url") + "/works/_count")).GET(), 200)
                .path("count").asLong();
        System.out.printf(Locale.ROOT, "reindex_seconds=%.1f indexed=%d docs_per_second=%.0f%n", seconds, indexed, indexed / seconds);
    }

    // --- publish -> searchable -------------------------------------------------------------------------------

    private static void publish(Map<String, String> settings, String kepu, String admin, String password, int count, long seed)
            throws Exception {
        String adminAuth = basic(admin, password);
        Map<String, String> accounts = new java.util.LinkedHashMap<>();
        accounts.put("bench-member", "SOCIETY_MEMBER");
        accounts.put("bench-political", "REVIEWER_POLITICAL");
        accounts.put("bench-scientific", "REVIEWER_SCIENTIFIC");
        accounts.put("bench-approver", "APPROVER");
        for (var account : accounts.entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("username", account.getKey(), "displayName", account.getKey(),
                    "password", PASSWORD, "roles", List.of(account.getValue())));
            if (account.getValue().equals("SOCIETY_MEMBER")) {
                body.put("organisation", "nutrition");
            }
            send(json(kepu + "/api/admin/accounts", adminAuth, body), 201);
        }
        Random random = new Random(seed);
        GeneratedWorks titles = new GeneratedWorks(seed);
        List<Double> latencies = new ArrayList<>();
        int polls = 0;
        for (int i = 0; i < count; i++) {
            String code = code(random);
            GeneratedWorks.Work generated = titles.next();
            Map<String, Object> draft = Map.of("title", generated.title() + " " + code, "summary", generated.summary(),
                    "body", generated.bodyHtml(), "topics", generated.topics(), "tags", generated.tags(),
                    "originality", "ORIGINAL", "licence", "CC-BY-NC-4.0");
            String work = send(json(kepu + "/api/works", basic("bench-member", PASSWORD),
                    Map.of("kind", generated.kind(), "organisation", "nutrition", "draft", draft)), 201).path("id").asString();
            String reviewCase = send(HttpRequest.newBuilder(URI.create(kepu + "/api/works/" + work + "/submissions"))
                    .header("Authorization", basic("bench-member", PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()), 201)
                    .path("id").asString();
            JsonNode decided = null;
            for (String reviewer : List.of("bench-political", "bench-scientific", "bench-approver")) {
                decided = send(json(kepu + "/api/review/cases/" + reviewCase + "/decisions", basic(reviewer, PASSWORD),
                        Map.of("verdict", "APPROVE")), 200);
            }
            long published = System.nanoTime();
            if (!decided.path("status").asString().equals("PUBLISHED")) {
                throw new IllegalStateException("Work " + work + " is " + decided.path("status").asString() + " after approval");
            }
            URI search = URI.create(kepu + "/api/search?q=" + code);
            while (true) {
                polls++;
                JsonNode result = send(HttpRequest.newBuilder(search).GET(), 200);
                boolean found = false;
                for (JsonNode hit : result.path("hits")) {
                    found |= hit.path("id").asString().equals(work);
                }
                if (found) {
                    break;
                }
                if (System.nanoTime() - published > 60e9) {
                    throw new IllegalStateException("Work " + work + " was not searchable 60 s after publishing");
                }
                Thread.sleep(20);
            }
            double ms = (System.nanoTime() - published) / 1e6;
            latencies.add(ms);
            System.out.printf(Locale.ROOT, "latency_ms=%.0f%n", ms);
        }
        List<Double> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "publish_to_searchable n=%d p50_ms=%.0f p90_ms=%.0f p99_ms=%.0f max_ms=%.0f mean_ms=%.0f searches=%d%n",
                sorted.size(), rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sorted.get(sorted.size() - 1),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0), polls);
    }

    /** A word of ten lower-case letters: one token for both analyzers, found in no other work. */
    private static String code(Random random) {
        StringBuilder code = new StringBuilder("kp");
        for (int i = 0; i < 8; i++) {
            code.append((char) ('a' + random.nextInt(26)));
        }
        return code.toString();
    }

    /** Nearest-rank percentile. */
    private static double rank(List<Double> sorted, double percentile) {
        int index = (int) Math.ceil(percentile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    private static HttpRequest.Builder json(String url, String auth, Object body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private static JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
