package org.kepu.wechat.internal;

import java.util.List;
import java.util.Map;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What WeChat reports on the callback about publications ({@code PUBLISHJOBFINISH}) and mass sends ({@code MASSSENDJOBFINISH}). */
@Component
class PublishResults {

    private static final Logger log = LoggerFactory.getLogger(PublishResults.class);

    private final PublicationsTable table;
    private final PublicationOutcomes outcomes;

    PublishResults(PublicationsTable table, PublicationOutcomes outcomes) {
        this.table = table;
        this.outcomes = outcomes;
    }

    Mono<Void> publishFinished(WxMpXmlMessage event) {
        if (!(event.getAllFieldsMap() != null && event.getAllFieldsMap().get("PublishEventInfo") instanceof Map<?, ?> info)) {
            return Mono.empty();
        }
        String publishId = text(info.get("publish_id"));
        int status;
        try {
            status = Integer.parseInt(text(info.get("publish_status")));
        } catch (NumberFormatException e) {
            return Mono.empty();
        }
        String articleId = text(info.get("article_id"));
        String url = info.get("article_detail") instanceof Map<?, ?> detail ? firstUrl(detail.get("item")) : null;
        List<String> failed = info.get("fail_idx") == null ? List.of() : List.of(text(info.get("fail_idx")));
        return table.byPublishId(publishId)
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("PUBLISHJOBFINISH for unknown publish_id {}", publishId)))
                .flatMap(publication -> outcomes.apply(publication, status, articleId, failed, url, "wechat"));
    }

    Mono<Void> massSendFinished(WxMpXmlMessage event) {
        if (event.getMassMsgId() == null) {
            return Mono.empty();
        }
        return table.massSendFinished(event.getMassMsgId().toString(), event.getStatus(), event.getTotalCount(), event.getSentCount(),
                        event.getErrorCount())
                .doOnNext(updated -> {
                    if (updated == 0) {
                        log.info("MASSSENDJOBFINISH for unknown msg_id {}", event.getMassMsgId());
                    }
                })
                .then();
    }

    /** The first article_url of an {@code item} that WxJava read as one map or a list of maps. */
    private static String firstUrl(Object items) {
        Object first = items instanceof List<?> list && !list.isEmpty() ? list.get(0) : items;
        return first instanceof Map<?, ?> item ? text(item.get("article_url")) : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
