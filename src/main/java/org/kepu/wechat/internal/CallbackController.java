package org.kepu.wechat.internal;

import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The address configured as the account's server URL (服务器地址). {@code GET} is WeChat's URL check (answer
 * {@code echostr} when the signature matches); {@code POST} delivers messages and events, plain or in safe mode
 * ({@code encrypt_type=aes}), and is answered within {@code kepu.wechat.reply-deadline} with a passive reply or
 * {@code success}. Public: WeChat authenticates with the signature, not with an account.
 */
@RestController
@RequestMapping("/api/wechat/callback")
class CallbackController {

    static final String SUCCESS = "success";
    private static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final WeChatApi api;
    private final Deliveries deliveries;
    private final Replies replies;

    CallbackController(WeChatApi api, Deliveries deliveries, Replies replies) {
        this.api = api;
        this.deliveries = deliveries;
        this.replies = replies;
    }

    @GetMapping
    Mono<ResponseEntity<String>> verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                        @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        return Mono.fromCallable(() -> {
            RedisTokenStore account = account();
            InboundMessages.verify(new InboundMessages.Query(signature, timestamp, nonce, null, null), account.getToken());
            if (echostr == null) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "wechat-echostr-missing");
            }
            return ResponseEntity.ok().contentType(TEXT).body(echostr);
        });
    }

    @PostMapping
    Mono<ResponseEntity<String>> receive(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                         @RequestParam(required = false) String nonce,
                                         @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                         @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                         @RequestBody(required = false) String body) {
        InboundMessages.Query query = new InboundMessages.Query(signature, timestamp, nonce, encryptType, msgSignature);
        WeChatProperties properties = api.properties();
        return Mono.fromCallable(this::account)
                .flatMap(account -> api.blocking(() -> InboundMessages.read(query, body, account))
                        .flatMap(inbound -> deliveries.once(Deliveries.key(inbound.message()), properties.dedupeTtl(),
                                        properties.replyDeadline(), () -> replies.to(inbound.message()))
                                .flatMap(xml -> answer(xml, inbound.encrypted(), account))));
    }

    private Mono<ResponseEntity<String>> answer(String xml, boolean encrypted, RedisTokenStore account) {
        if (xml.isEmpty()) {
            return Mono.just(ResponseEntity.ok().contentType(TEXT).body(SUCCESS));
        }
        if (!encrypted) {
            return Mono.just(ResponseEntity.ok().contentType(XML).body(xml));
        }
        return api.blocking(() -> ResponseEntity.ok().contentType(XML).body(new WxMpCryptUtil(account).encrypt(xml)));
    }

    private RedisTokenStore account() {
        return (RedisTokenStore) api.service().getWxMpConfigStorage();
    }
}
