package org.kepu.wechat.internal;

import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test's own implementation of WeChat's safe mode ({@link WeChatWire}) and WxJava's, which Kepu uses, agree in
 * both directions; and the signature Kepu checks is the one WeChat's documentation defines.
 */
class SafeModeCryptoTest {

    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String TOKEN = "kepu-test-token";

    @Test
    void wxJavaDecryptsWhatWeChatEncryptsAndTheOtherWayRound() {
        WxMpCryptUtil wxJava = new WxMpCryptUtil(config());
        String message = "<xml><Content><![CDATA[科普日 🔬 " + "长".repeat(100) + "]]></Content></xml>";

        assertThat(wxJava.decrypt(WeChatWire.encrypt(AES_KEY, FakeWeChat.APP_ID, message))).isEqualTo(message);

        String reply = wxJava.encrypt(message);
        String encrypted = WeChatWire.field(reply, "Encrypt");
        assertThat(WeChatWire.field(reply, "MsgSignature"))
                .isEqualTo(WeChatWire.sha1(TOKEN, WeChatWire.field(reply, "TimeStamp"), WeChatWire.field(reply, "Nonce"), encrypted));
        assertThat(WeChatWire.decrypt(AES_KEY, FakeWeChat.APP_ID, encrypted)).isEqualTo(message);
        assertThatThrownBy(() -> WeChatWire.decrypt(AES_KEY, "wxanotherapp0000", encrypted)).hasMessageContaining("another AppID");
    }

    @Test
    void everyLengthPadsToWholeBlocksOf32() {
        WxMpCryptUtil wxJava = new WxMpCryptUtil(config());
        for (int length = 0; length < 70; length++) {
            String message = "x".repeat(length);
            String encrypted = WeChatWire.encrypt(AES_KEY, FakeWeChat.APP_ID, message);
            assertThat(java.util.Base64.getDecoder().decode(encrypted).length % 32).isZero();
            assertThat(wxJava.decrypt(encrypted)).isEqualTo(message);
        }
    }

    @Test
    void signaturesAreSha1OverTheSortedParts() {
        // echo -n "1409304348kepu-test-tokenxxxxxx" | sha1sum (sorted: "1409304348" < "kepu-test-token" < "xxxxxx")
        assertThat(CallbackSignatures.sign(TOKEN, "1409304348", "xxxxxx")).isEqualTo(WeChatWire.sha1("xxxxxx", "1409304348", TOKEN))
                .isEqualTo(EXPECTED);
        assertThat(CallbackSignatures.valid(EXPECTED.toUpperCase(), TOKEN, "1409304348", "xxxxxx")).isTrue();
        assertThat(CallbackSignatures.valid(EXPECTED, TOKEN, "1409304349", "xxxxxx")).isFalse();
        assertThat(CallbackSignatures.valid(null, TOKEN, "1409304348", "xxxxxx")).isFalse();
        assertThat(CallbackSignatures.valid(EXPECTED, TOKEN, null, "xxxxxx")).isFalse();
    }

    static final String EXPECTED = "5b4db09e45d78daf455227b03f101d8dc813a1cf";

    private static WxMpDefaultConfigImpl config() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(FakeWeChat.APP_ID);
        config.setToken(TOKEN);
        config.setAesKey(AES_KEY);
        return config;
    }
}
