package org.kepu.wechat.internal;

import java.util.List;
import java.util.Map;

import me.chanjar.weixin.common.util.XmlUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kepu's callback reader gives the field map WxJava's own reader gives, and refuses what that one refuses. */
class CallbackXmlTest {

    private static final String TEXT = "<xml><ToUserName><![CDATA[gh_123]]></ToUserName><FromUserName><![CDATA[o-follower]]></FromUserName>"
            + "<CreateTime>1732000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            + "<Content><![CDATA[科普日 & <活动>]]></Content><MsgId>23456789012345678</MsgId></xml>";

    private static final String PUBLISHED = "<xml><ToUserName><![CDATA[gh_123]]></ToUserName><FromUserName><![CDATA[gh_system]]></FromUserName>"
            + "<CreateTime>1732000001</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event>"
            + "<PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status>"
            + "<article_id><![CDATA[b5O2OUs25HBxRceL7hfReg]]></article_id><article_detail><count>2</count>"
            + "<item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/one]]></article_url></item>"
            + "<item><idx>2</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/two]]></article_url></item>"
            + "</article_detail></PublishEventInfo></xml>";

    @Test
    void readsMessagesAsWxJavaDoes() {
        for (String xml : List.of(TEXT, PUBLISHED)) {
            assertThat(CallbackXml.fields(xml)).isEqualTo(XmlUtils.xml2Map(xml));
        }
        Map<String, Object> text = CallbackXml.fields(TEXT);
        assertThat(text).containsEntry("Content", "科普日 & <活动>").containsEntry("MsgId", "23456789012345678");
        Map<?, ?> detail = (Map<?, ?>) ((Map<?, ?>) CallbackXml.fields(PUBLISHED).get("PublishEventInfo")).get("article_detail");
        assertThat((List<?>) detail.get("item")).hasSize(2).element(1).isEqualTo(Map.of("idx", "2", "article_url", "https://mp.weixin.qq.com/s/two"));
    }

    @Test
    void refusesDocumentTypesEntitiesAndBrokenXml() {
        String external = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Content>&secret;</Content></xml>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<xml><Content>&lol2;</Content></xml>";
        for (String xml : List.of(external, laughs, "<xml><Content>unclosed</xml>", "not xml at all", "")) {
            assertThatThrownBy(() -> CallbackXml.fields(xml)).isInstanceOf(IllegalArgumentException.class);
        }
        // The thread's parser, reused after each refusal, still reads a message and still refuses document types.
        assertThat(CallbackXml.fields(TEXT)).containsEntry("MsgType", "text");
        assertThatThrownBy(() -> CallbackXml.fields(external)).isInstanceOf(IllegalArgumentException.class);
    }
}
