package org.kepu.wechat.internal;

import java.util.Locale;
import java.util.Map;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import me.chanjar.weixin.mp.util.xml.XStreamTransformer;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Reads a callback delivery: checks the signatures, decrypts safe-mode messages and parses the XML, all with WxJava.
 * Blocking (XML parsing, crypto): call it off the event loop. A wrong or missing signature is 403
 * {@code wechat-signature-invalid}; XML that cannot be read (or declares a DTD) is 400 {@code wechat-message-invalid}.
 */
final class InboundMessages {

    /** The query string WeChat adds to a callback. {@code encryptType} is {@code aes} in safe mode. */
    record Query(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {

        boolean encrypted() {
            return encryptType != null && "aes".equals(encryptType.toLowerCase(Locale.ROOT));
        }
    }

    /** A message as received, and whether the reply must be encrypted. */
    record Inbound(WxMpXmlMessage message, boolean encrypted) {
    }

    private InboundMessages() {
    }

    static void verify(Query query, String token) {
        if (!CallbackSignatures.valid(query.signature(), token, query.timestamp(), query.nonce())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "wechat-signature-invalid");
        }
    }

    static Inbound read(Query query, String body, RedisTokenStore account) {
        verify(query, account.getToken());
        if (body == null || body.isBlank()) {
            throw invalid();
        }
        if (body.contains("<!DOCTYPE") || body.contains("<!ENTITY")) {
            throw invalid();
        }
        String xml = body;
        if (query.encrypted()) {
            if (account.getAesKey() == null || account.getAesKey().isBlank()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "wechat-safe-mode-not-configured");
            }
            String cipherText = field(parse(body), "Encrypt");
            if (!CallbackSignatures.valid(query.msgSignature(), account.getToken(), query.timestamp(), query.nonce(), cipherText)) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "wechat-signature-invalid");
            }
            try {
                xml = new WxMpCryptUtil(account).decrypt(cipherText);
            } catch (RuntimeException e) {
                throw invalid();
            }
        }
        // As WxMpXmlMessage.fromXml, with the fields read once (see CallbackXml).
        String message = xml.replace("</PicList><PicList>", "");
        Map<String, Object> fields = parse(message);
        field(fields, "FromUserName");
        field(fields, "MsgType");
        try {
            Long.parseLong(field(fields, "CreateTime"));
            WxMpXmlMessage read = XStreamTransformer.fromXml(WxMpXmlMessage.class, message);
            read.setAllFieldsMap(fields);
            return new Inbound(read, query.encrypted());
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static Map<String, Object> parse(String xml) {
        try {
            return CallbackXml.fields(xml);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String field(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String value && !value.isBlank()) {
            return value.trim();
        }
        throw invalid();
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "wechat-message-invalid");
    }
}
