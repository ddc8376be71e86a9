package org.kepu.wechat.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks WeChat how a submitted publication went ({@code freepublish/get}), in case the {@code PUBLISHJOBFINISH}
 * callback is late or lost; while WeChat is still publishing it looks again every {@code kepu.wechat.publish-check-interval}.
 */
@Component
class PublicationStatusJob implements JobHandler {

    static final String KIND = "wechat.publish-status";

    private final PublicationsTable table;
    private final WeChatSteps steps;
    private final PublicationOutcomes outcomes;
    private final JsonMapper json;

    PublicationStatusJob(PublicationsTable table, WeChatSteps steps, PublicationOutcomes outcomes, JsonMapper json) {
        this.table = table;
        this.steps = steps;
        this.outcomes = outcomes;
        this.json = json;
    }

    static JobRequest request(UUID publication, Instant at) {
        return JobRequest.of(KIND, "{\"publication\":\"" + publication + "\"}").withMaxAttempts(10).at(at);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        UUID id = UUID.fromString(json.readTree(job.payload()).path("publication").asString());
        return table.find(id)
                .filter(publication -> publication.status() == Publication.Status.PUBLISHING)
                .flatMap(publication -> steps.publishStatus(publication.publishId())
                        .flatMap(status -> outcomes.apply(publication, status.getPublish_status() == null ? -1 : status.getPublish_status(),
                                status.getArticle_id(), failed(status), firstUrl(status), "scheduler")));
    }

    private static List<String> failed(WxMpFreePublishStatus status) {
        return status.getFail_idx() == null ? List.of() : status.getFail_idx().stream().map(String::valueOf).toList();
    }

    private static String firstUrl(WxMpFreePublishStatus status) {
        if (status.getArticle_detail() == null || status.getArticle_detail().getItem() == null || status.getArticle_detail().getItem().isEmpty()) {
            return null;
        }
        return status.getArticle_detail().getItem().get(0).getArticle_url();
    }
}
