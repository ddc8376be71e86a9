package org.kepu.wechat.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's side of the callback protocol, written from WeChat's documentation and independent of WxJava, so the
 * tests check Kepu against a second implementation: signatures ({@code sha1} over the sorted parts), and safe-mode
 * messages: AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes, plaintext =
 * 16 random bytes + the message length (4 bytes, big-endian) + the message + the AppID, PKCS#7-padded to a multiple of 32.
 */
final class WeChatWire {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FIELD = Pattern.compile("<(\\w+)>(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))</\\1>", Pattern.DOTALL);

    private WeChatWire() {
    }

    static String sha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encrypt(String encodingAesKey, String appId, String message) {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + text.length + app.length;
        int pad = 32 - length % 32;
        ByteBuffer plain = ByteBuffer.allocate(length + pad).put(random).putInt(text.length).put(text).put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, key, plain.array()));
    }

    /** The message, after checking the padding and that it was encrypted for {@code appId}. */
    static String decrypt(String encodingAesKey, String appId, String cipherText) {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        byte[] plain = aes(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(cipherText));
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || plain.length % 32 != 0) {
            throw new IllegalStateException("Bad PKCS#7 padding " + pad);
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new IllegalStateException("Bad PKCS#7 padding");
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(plain, 16, plain.length - 16 - pad);
        int length = buffer.getInt();
        byte[] text = new byte[length];
        buffer.get(text);
        byte[] app = new byte[buffer.remaining()];
        buffer.get(app);
        if (!appId.equals(new String(app, StandardCharsets.UTF_8))) {
            throw new IllegalStateException("Encrypted for another AppID: " + new String(app, StandardCharsets.UTF_8));
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    private static byte[] aes(int mode, byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a top-level element of a WeChat XML message (CDATA or plain). */
    static String field(String xml, String name) {
        Matcher matcher = FIELD.matcher(xml);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            }
        }
        return null;
    }

    static String text(String from, String to, String content, long msgId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + to + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String event(String from, String to, String event, long createTime, String extra) {
        return "<xml><ToUserName><![CDATA[" + to + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>" + extra + "</xml>";
    }

    /** WeChat's safe-mode envelope: the encrypted message in {@code Encrypt}. */
    static String envelope(String to, String encrypted) {
        return "<xml><ToUserName><![CDATA[" + to + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
    }
}
