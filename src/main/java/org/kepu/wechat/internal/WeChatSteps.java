package org.kepu.wechat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonParser;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftItem;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishItem;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The WeChat API calls of publishing, each one blocking WxJava call on the module's pool. Calls that create
 * something WeChat cannot deduplicate (a draft) come with a lookup for what a lost answer may have created: the
 * article's source link carries a marker, and the newest drafts and publications are searched for it.
 */
@Component
class WeChatSteps {

    /** WeChat's mpnews mass send refused because the clientmsgid was used before: the send already happened. */
    static final int CLIENT_MSG_ID_USED = 45065;
    static final String DEFAULT_COVER = "wechat/default-cover.jpg";
    private static final int LOOKUP = 20;
    private static final long MAX_COVER_BYTES = 10L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WeChatSteps.class);

    private final WeChatApi api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    WeChatSteps(WeChatApi api) {
        this.api = api;
    }

    /** Uploads the cover as permanent image material ({@code material/add_material}); the bundled cover when none loads. */
    Mono<String> uploadCover(String coverUrl) {
        return api.call(service -> {
            Path file = null;
            try {
                file = Files.createTempFile("kepu-wechat-cover", ".jpg");
                byte[] image;
                try (InputStream cover = cover(coverUrl)) {
                    image = cover.readNBytes((int) MAX_COVER_BYTES + 1);
                }
                if (image.length > MAX_COVER_BYTES) {
                    log.warn("Cover {} is larger than {} bytes; using the bundled cover", coverUrl, MAX_COVER_BYTES);
                    try (InputStream cover = new ClassPathResource(DEFAULT_COVER).getInputStream()) {
                        image = cover.readAllBytes();
                    }
                }
                Files.write(file, image);
                return service.getMaterialService().materialFileUpload("image",
                        new WxMpMaterial("cover.jpg", file.toFile(), null, null)).getMediaId();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot prepare the cover image", e);
            } finally {
                delete(file);
            }
        });
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.toString());
        }
    }

    /** WeChat takes JPEG, PNG, GIF and BMP images (not WebP, which the site serves covers as after processing). */
    private static boolean accepted(String type) {
        return type.startsWith("image/jpeg") || type.startsWith("image/png") || type.startsWith("image/gif") || type.startsWith("image/bmp");
    }

    private InputStream cover(String given) throws IOException {
        String url = given != null && given.startsWith("/") ? api.properties().site() + given : given;
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() == 200 && accepted(type) && length <= MAX_COVER_BYTES) {
                    return response.body();
                }
                response.body().close();
                log.warn("Cover {} answered {} {}; using the bundled cover", url, response.statusCode(), type);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Cover {} could not be loaded ({}); using the bundled cover", url, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return new ClassPathResource(DEFAULT_COVER).getInputStream();
    }

    /** {@code draft/add}; answers the draft's media id. */
    Mono<String> addDraft(WxMpDraftArticles article) {
        return api.call(service -> service.getDraftService().addDraft(new WxMpAddDraft(List.of(article))));
    }

    /** The newest drafts' media id whose source link carries {@code marker}, if a lost answer left one. */
    Mono<String> findDraft(String marker) {
        return api.call(service -> Optional.ofNullable(service.getDraftService().listDraft(0, LOOKUP, 1).getItems())
                        .orElse(List.of()).stream()
                        .filter(item -> carries(item, marker))
                        .map(WxMpDraftItem::getMediaId)
                        .findFirst())
                .flatMap(Mono::justOrEmpty);
    }

    private static boolean carries(WxMpDraftItem item, String marker) {
        return item.getContent() != null && item.getContent().getNewsItem() != null && item.getContent().getNewsItem().stream()
                .anyMatch(article -> article.getContentSourceUrl() != null && article.getContentSourceUrl().contains(marker));
    }

    /** {@code freepublish/submit}; answers the publish id (WxJava leaves JSON quotes around it). */
    Mono<String> submit(String draftMediaId) {
        return api.call(service -> unquote(service.getFreePublishService().submit(draftMediaId)));
    }

    /** An article already published from a draft carrying {@code marker}: its article id and URL. */
    Mono<String[]> findPublished(String marker) {
        return api.call(service -> Optional.ofNullable(service.getFreePublishService().getPublicationRecords(0, LOOKUP, 1).getItems())
                        .orElse(List.<WxMpFreePublishItem>of()).stream()
                        .filter(item -> item.getContent() != null && item.getContent().getNewsItem() != null)
                        .flatMap(item -> item.getContent().getNewsItem().stream()
                                .filter(article -> article.getContentSourceUrl() != null && article.getContentSourceUrl().contains(marker))
                                .map(article -> new String[] {item.getArticleId(), article.getUrl()}))
                        .findFirst())
                .flatMap(Mono::justOrEmpty);
    }

    /** {@code freepublish/get}. */
    Mono<WxMpFreePublishStatus> publishStatus(String publishId) {
        return api.call(service -> service.getFreePublishService().getPushStatus(publishId));
    }

    /**
     * {@code message/mass/sendall} to every follower with the draft as mpnews. Answers the msg_id; when WeChat says
     * the clientmsgid was used (45065), the msg_id of that earlier send.
     */
    Mono<String> sendToAll(String draftMediaId, String clientMsgId) {
        return api.call(service -> send(service, draftMediaId, clientMsgId))
                .onErrorResume(WeChatApiException.class, failure -> failure.code() == CLIENT_MSG_ID_USED
                        ? Mono.just(earlierMsgId(failure)) : Mono.error(failure));
    }

    private static String send(WxMpService service, String draftMediaId, String clientMsgId) throws me.chanjar.weixin.common.error.WxErrorException {
        WxMpMassTagMessage message = new WxMpMassTagMessage();
        message.setSendAll(true);
        message.setMsgType("mpnews");
        message.setMediaId(draftMediaId);
        message.setSendIgnoreReprint(false);
        message.setClientMsgId(clientMsgId);
        WxMpMassSendResult result = service.getMassMessageService().massGroupMessageSend(message);
        return result.getMsgId();
    }

    private static String earlierMsgId(WeChatApiException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof me.chanjar.weixin.common.error.WxErrorException wx && wx.getError() != null && wx.getError().getJson() != null) {
            var json = JsonParser.parseString(wx.getError().getJson()).getAsJsonObject();
            if (json.has("msg_id")) {
                return json.get("msg_id").getAsString();
            }
        }
        return "";
    }

    static String unquote(String value) {
        return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
