package org.kepu.wechat.internal;

import java.util.List;
import java.util.Locale;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutNewsMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the account answers to a message or event (passive replies). Text: an event registration's check-in code binds
 * it for reminders ({@link ReminderSubscriptions}); 活动, 科普日 or a topic's name list upcoming events; anything else
 * searches the works. The subscribe-message popup and its later changes record the follower's consent to reminders. Menu clicks: {@code EVENTS}, {@code EVENTS:<topic>} and
 * {@code SEARCH:<words>}. Following the account: a welcome text. The publishing and mass-send results WeChat reports
 * as events update the publications and need no reply.
 *
 * <p>WeChat allows one article in a reply to a user's message and up to eight otherwise (menu clicks), so message
 * replies carry one article (a single hit, or a list that links to the site) and menu replies up to eight.
 */
@Component
class Replies {

    static final int MESSAGE_ARTICLES = 1;
    static final int EVENT_ARTICLES = 8;

    private final KeywordReplies keywords;
    private final ReplyTexts texts;
    private final PublishResults results;
    private final ReminderSubscriptions subscriptions;

    Replies(KeywordReplies keywords, ReplyTexts texts, PublishResults results, ReminderSubscriptions subscriptions) {
        this.keywords = keywords;
        this.texts = texts;
        this.results = results;
        this.subscriptions = subscriptions;
    }

    /** The reply's plain XML, or {@link Deliveries#NO_REPLY}. */
    Mono<String> to(WxMpXmlMessage in) {
        String type = lower(in.getMsgType());
        if ("text".equals(type)) {
            String text = in.getContent() == null ? "" : in.getContent().trim();
            return answer(in, subscriptions.bind(in.getFromUser(), text).switchIfEmpty(Mono.defer(() -> keywords.forText(text, MESSAGE_ARTICLES))));
        }
        if (!"event".equals(type)) {
            return answer(in, Mono.just(Answer.text(texts.text("reply.help"))));
        }
        String event = lower(in.getEvent());
        return switch (event) {
            case "subscribe" -> answer(in, Mono.just(Answer.text(texts.text("reply.welcome"))));
            case "click" -> answer(in, keywords.forMenu(in.getEventKey() == null ? "" : in.getEventKey().trim(), EVENT_ARTICLES));
            case "publishjobfinish" -> results.publishFinished(in).thenReturn(Deliveries.NO_REPLY);
            case "masssendjobfinish" -> results.massSendFinished(in).thenReturn(Deliveries.NO_REPLY);
            case "subscribe_msg_popup_event" -> subscriptions.popup(in).thenReturn(Deliveries.NO_REPLY);
            case "subscribe_msg_change_event" -> subscriptions.change(in).thenReturn(Deliveries.NO_REPLY);
            default -> Mono.just(Deliveries.NO_REPLY);
        };
    }

    private static Mono<String> answer(WxMpXmlMessage in, Mono<Answer> answer) {
        return answer.map(reply -> xml(in, reply)).defaultIfEmpty(Deliveries.NO_REPLY);
    }

    private static String xml(WxMpXmlMessage in, Answer answer) {
        WxMpXmlOutMessage out;
        if (answer.articles().isEmpty()) {
            out = WxMpXmlOutMessage.TEXT().content(answer.text()).fromUser(in.getToUser()).toUser(in.getFromUser()).build();
        } else {
            out = WxMpXmlOutMessage.NEWS()
                    .articles(answer.articles().stream().map(Replies::item).toList())
                    .fromUser(in.getToUser()).toUser(in.getFromUser()).build();
        }
        return out.toXml();
    }

    private static WxMpXmlOutNewsMessage.Item item(Answer.Article article) {
        WxMpXmlOutNewsMessage.Item item = new WxMpXmlOutNewsMessage.Item();
        item.setTitle(article.title());
        item.setDescription(article.description());
        item.setPicUrl(article.picUrl());
        item.setUrl(article.url());
        return item;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    /** A text, or news articles. */
    record Answer(String text, List<Article> articles) {

        static Answer text(String text) {
            return new Answer(text, List.of());
        }

        static Answer news(List<Article> articles) {
            return new Answer(null, List.copyOf(articles));
        }

        record Article(String title, String description, String picUrl, String url) {
        }
    }
}
