package org.kepu.wechat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for WeChat's API server (api.weixin.qq.com), which tests cannot reach. It speaks the documented
 * protocol: the JSON shapes of {@code cgi-bin/token}, {@code material/add_material}, {@code draft/add},
 * {@code draft/batchget}, {@code freepublish/submit|get|batchget}, {@code message/mass/sendall} and
 * {@code message/subscribe/bizsend} (subscribe messages: only to followers who accepted the template), access tokens
 * checked on every call (40001 for a token that is no longer the latest, 42001 for an expired one), and the error
 * answers a test asks for (e.g. 45009). It keeps what it was sent, so tests can look.
 */
final class FakeWeChat implements AutoCloseable {

    static final String APP_ID = "wx0123456789abcdef";
    static final String SECRET = "fake-app-secret";
    static final String REMINDER_TEMPLATE = "TPL-EVENT-REMINDER";
    private static final java.util.regex.Pattern TIME_VALUE = java.util.regex.Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger tokenFetches = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> revokedTokens = new ConcurrentHashMap<>();
    private final Map<String, List<int[]>> injected = new ConcurrentHashMap<>();
    private final Map<String, String> injectedMessages = new ConcurrentHashMap<>();
    private final Set<String> loseAnswer = ConcurrentHashMap.newKeySet();
    private final Map<String, String> materials = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> drafts = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, ObjectNode> publishing = new ConcurrentHashMap<>();
    final Map<String, Integer> publishStatus = new ConcurrentHashMap<>();
    final List<ObjectNode> published = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> massSends = Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> subscribeSends = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> subscribers = ConcurrentHashMap.newKeySet();
    private final Map<String, String> clientMsgIds = new ConcurrentHashMap<>();
    private volatile long tokenDelayMillis;
    private volatile boolean publishImmediately;

    FakeWeChat() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/cgi-bin/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int tokenFetches() {
        return tokenFetches.get();
    }

    void tokenDelay(long millis) {
        tokenDelayMillis = millis;
    }

    /** Publications finish at once (status 0) instead of staying "publishing" (1) until {@link #finishPublishing}. */
    void publishImmediately(boolean immediately) {
        publishImmediately = immediately;
    }

    /** Every token issued so far becomes invalid: calls with them get {@code errcode}, 40001 or 42001. */
    void revokeTokens(int errcode) {
        validTokens.forEach(token -> revokedTokens.put(token, errcode));
        validTokens.clear();
    }

    /** The next call to {@code path} answers {@code errcode}. */
    void failNext(String path, int errcode, String errmsg) {
        injected.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>())).add(new int[] {errcode});
        injectedMessages.put(path + errcode, errmsg);
    }

    /** The next call to {@code path} is carried out, but its answer is lost (HTTP 502 instead). */
    void loseNextAnswer(String path) {
        loseAnswer.add(path);
    }

    /** The follower accepted {@link #REMINDER_TEMPLATE} in WeChat's popup: WeChat lets subscribe messages reach them. */
    void subscribed(String openid) {
        subscribers.add(openid);
    }

    void finishPublishing(String publishId, int status) {
        publishStatus.put(publishId, status);
        if (status == 0) {
            published.add(publishing.get(publishId));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            calls.add(exchange.getRequestMethod() + " " + path);
            if (path.equals("/cgi-bin/token")) {
                respond(exchange, token(query));
                return;
            }
            String token = query.get("access_token");
            if (token == null || !validTokens.contains(token)) {
                Integer code = token == null ? null : revokedTokens.get(token);
                respond(exchange, code != null && code == 42001 ? error(42001, "access_token expired")
                        : error(40001, "invalid credential, access_token is invalid or not latest"));
                return;
            }
            List<int[]> failures = injected.get(path);
            if (failures != null && !failures.isEmpty()) {
                int code = failures.remove(0)[0];
                respond(exchange, error(code, injectedMessages.getOrDefault(path + code, "injected")));
                return;
            }
            String answer = switch (path) {
                case "/cgi-bin/material/add_material" -> material(query, body, exchange.getRequestHeaders().getFirst("Content-Type"));
                case "/cgi-bin/draft/add" -> draft(JSON.readTree(body));
                case "/cgi-bin/draft/batchget" -> draftList(JSON.readTree(body));
                case "/cgi-bin/freepublish/submit" -> submit(JSON.readTree(body));
                case "/cgi-bin/freepublish/get" -> publishState(JSON.readTree(body));
                case "/cgi-bin/freepublish/batchget" -> publishedList(JSON.readTree(body));
                case "/cgi-bin/message/mass/sendall" -> sendAll(JSON.readTree(body));
                case "/cgi-bin/message/subscribe/bizsend" -> subscribeSend(JSON.readTree(body));
                default -> error(40066, "invalid url");
            };
            if (loseAnswer.remove(path)) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            respond(exchange, answer);
        }
    }

    private String token(Map<String, String> query) {
        if (!"client_credential".equals(query.get("grant_type")) || !APP_ID.equals(query.get("appid"))) {
            return error(40013, "invalid appid");
        }
        if (!SECRET.equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        }
        tokenFetches.incrementAndGet();
        if (tokenDelayMillis > 0) {
            try {
                Thread.sleep(tokenDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // A new token makes the older ones stale, as WeChat does.
        revokeTokens(40001);
        String token = "ACCESS_TOKEN_" + ids.incrementAndGet();
        validTokens.add(token);
        return "{\"access_token\":\"" + token + "\",\"expires_in\":7200}";
    }

    private String material(Map<String, String> query, byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!"image".equals(query.get("type")) || contentType == null || !contentType.startsWith("multipart/form-data")
                || !text.contains("name=\"media\"")) {
            return error(40004, "invalid media type");
        }
        String id = "MATERIAL_" + ids.incrementAndGet();
        materials.put(id, "http://mmbiz.qpic.cn/mmbiz_jpg/" + id + "/0");
        return "{\"media_id\":\"" + id + "\",\"url\":\"" + materials.get(id) + "\"}";
    }

    private String draft(JsonNode request) {
        JsonNode articles = request.path("articles");
        if (!articles.isArray() || articles.isEmpty()) {
            return error(44002, "empty post data");
        }
        for (JsonNode article : articles) {
            if (!materials.containsKey(article.path("thumb_media_id").asString(""))) {
                return error(40007, "invalid media_id");
            }
            if (article.path("title").asString("").isEmpty() || article.path("content").asString("").isEmpty()) {
                return error(44003, "empty news data");
            }
        }
        String id = "DRAFT_" + ids.incrementAndGet();
        ObjectNode draft = JSON.createObjectNode();
        draft.set("news_item", articles);
        drafts.put(id, draft);
        return "{\"media_id\":\"" + id + "\"}";
    }

    private String draftList(JsonNode request) {
        List<Map.Entry<String, ObjectNode>> newestFirst;
        synchronized (drafts) {
            newestFirst = new ArrayList<>(drafts.entrySet());
        }
        Collections.reverse(newestFirst);
        ArrayNode items = JSON.createArrayNode();
        boolean noContent = request.path("no_content").asInt(0) == 1;
        newestFirst.stream().skip(request.path("offset").asInt(0)).limit(request.path("count").asInt(20)).forEach(entry -> {
            ObjectNode item = items.addObject();
            item.put("media_id", entry.getKey());
            ObjectNode content = entry.getValue().deepCopy();
            if (noContent) {
                content.path("news_item").forEach(article -> ((ObjectNode) article).remove("content"));
            }
            item.set("content", content);
            item.put("update_time", System.currentTimeMillis() / 1000);
        });
        return "{\"total_count\":" + newestFirst.size() + ",\"item_count\":" + items.size() + ",\"item\":" + items + "}";
    }

    private String submit(JsonNode request) {
        String mediaId = request.path("media_id").asString("");
        ObjectNode draft = drafts.remove(mediaId);
        if (draft == null) {
            return error(40007, "invalid media_id");
        }
        String publishId = Long.toString(2247480000L + ids.incrementAndGet());
        ObjectNode article = JSON.createObjectNode();
        article.put("article_id", "ARTICLE_" + publishId);
        ObjectNode content = draft.deepCopy();
        content.path("news_item").forEach(item -> ((ObjectNode) item).put("url", "https://mp.weixin.qq.com/s/" + publishId));
        article.set("content", content);
        publishing.put(publishId, article);
        publishStatus.put(publishId, 1);
        if (publishImmediately) {
            finishPublishing(publishId, 0);
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":\"" + publishId + "\"}";
    }

    private String publishState(JsonNode request) {
        String publishId = request.path("publish_id").asString("");
        Integer status = publishStatus.get(publishId);
        if (status == null) {
            return error(48001, "api unauthorized");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("publish_id", publishId);
        answer.put("publish_status", status);
        if (status == 0) {
            answer.put("article_id", "ARTICLE_" + publishId);
            ObjectNode detail = answer.putObject("article_detail");
            detail.put("count", 1);
            ObjectNode item = detail.putArray("item").addObject();
            item.put("idx", 1);
            item.put("article_url", "https://mp.weixin.qq.com/s/" + publishId);
        }
        answer.putArray("fail_idx");
        return answer.toString();
    }

    private String publishedList(JsonNode request) {
        List<ObjectNode> newestFirst;
        synchronized (published) {
            newestFirst = new ArrayList<>(published);
        }
        Collections.reverse(newestFirst);
        ArrayNode items = JSON.createArrayNode();
        newestFirst.stream().skip(request.path("offset").asInt(0)).limit(request.path("count").asInt(20)).forEach(items::add);
        return "{\"total_count\":" + newestFirst.size() + ",\"item_count\":" + items.size() + ",\"item\":" + items + "}";
    }

    private String sendAll(JsonNode request) {
        if (!request.path("filter").path("is_to_all").asBoolean(false) || !"mpnews".equals(request.path("msgtype").asString(""))) {
            return error(40008, "invalid message type");
        }
        String mediaId = request.path("mpnews").path("media_id").asString("");
        String clientMsgId = request.path("clientmsgid").asString("");
        if (!clientMsgId.isEmpty() && clientMsgIds.containsKey(clientMsgId)) {
            return "{\"errcode\":45065,\"errmsg\":\"clientmsgid exist\",\"msg_id\":" + clientMsgIds.get(clientMsgId) + "}";
        }
        if (drafts.remove(mediaId) == null) {
            return error(40007, "invalid media_id");
        }
        String msgId = Long.toString(ids.incrementAndGet());
        if (!clientMsgId.isEmpty()) {
            clientMsgIds.put(clientMsgId, msgId);
        }
        massSends.add(request);
        return "{\"errcode\":0,\"errmsg\":\"send job submission success\",\"msg_id\":" + msgId + ",\"msg_data_id\":2247" + msgId + "}";
    }

    /**
     * 订阅通知: {@code touser}, {@code template_id}, {@code page} (a web page) and {@code data} as
     * {@code {"thing1": {"value": "…"}}}; {@code thing} values at most 20 characters, {@code time} values like
     * 2026年12月5日 09:00. A follower without a subscription to the template gets 43101.
     */
    private String subscribeSend(JsonNode request) {
        String touser = request.path("touser").asString("");
        JsonNode data = request.path("data");
        if (touser.isEmpty() || !REMINDER_TEMPLATE.equals(request.path("template_id").asString("")) || !data.isObject() || data.isEmpty()
                || !request.path("page").asString("").startsWith("http")) {
            return error(47003, "argument invalid!");
        }
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            JsonNode value = field.getValue().path("value");
            if (!value.isString() || value.asString().isEmpty()
                    || field.getKey().startsWith("thing") && value.asString().length() > 20
                    || field.getKey().startsWith("time") && !TIME_VALUE.matcher(value.asString()).matches()) {
                return error(47003, "argument invalid! data." + field.getKey() + ".value invalid");
            }
        }
        if (!subscribers.contains(touser)) {
            return error(43101, "user refuse to accept the msg");
        }
        subscribeSends.add(request);
        return "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    private static String error(int code, String message) {
        return "{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}";
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
