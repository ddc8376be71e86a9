package org.kepu.search.internal.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.kepu.search.internal.SearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the popularity of some works' documents up to their view totals after the site moved views to PostgreSQL
 * ({@code WorkViewsChanged}). It rewrites whole documents from what PostgreSQL says when it runs, at the work's
 * publication version with {@code external_gte}, and only documents the index holds at that version or an older
 * one: a work that is not public is skipped (it stays out of the index), a document the index lacks is left to the
 * indexing job or the drift repair, and a newer document in the index refuses the write.
 */
@Component
class RefreshPopularityJob implements JobHandler {

    static final String KIND = "search.refresh-popularity";

    private final PublishedWorks works;
    private final IndexWriter writer;
    private final SearchProperties search;
    private final JsonMapper json;

    RefreshPopularityJob(PublishedWorks works, IndexWriter writer, SearchProperties search, JsonMapper json) {
        this.works = works;
        this.writer = writer;
        this.search = search;
        this.json = json;
    }

    /** One job per batch of at most {@code batchSize} works, so no job and no bulk request grows with a flush. */
    static List<JobRequest> requests(List<WorkId> works, int batchSize, int maxAttempts) {
        List<WorkId> distinct = works.stream().distinct().toList();
        List<JobRequest> requests = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += batchSize) {
            String ids = distinct.subList(from, Math.min(distinct.size(), from + batchSize)).stream()
                    .map(work -> "\"" + work.value() + "\"").collect(Collectors.joining(","));
            requests.add(JobRequest.of(KIND, "{\"works\":[" + ids + "]}").withPriority(1).withMaxAttempts(maxAttempts));
        }
        return requests;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        List<WorkId> ids = new ArrayList<>();
        for (JsonNode id : json.readTree(job.payload()).path("works")) {
            ids.add(new WorkId(UUID.fromString(id.asString())));
        }
        return refresh(search.alias(), ids).then();
    }

    /** @return how many documents were rewritten */
    Mono<Integer> refresh(String index, List<WorkId> ids) {
        return Flux.fromIterable(ids).concatMap(works::find).collectList()
                .flatMap(current -> rewrite(index, current));
    }

    /** Rewrites the documents of {@code snapshot} that the index holds, unless it holds a newer version. */
    Mono<Integer> rewrite(String index, List<PublishedWork> snapshot) {
        return writer.versions(index, snapshot.stream().map(work -> work.id().value().toString()).toList())
                .map(held -> snapshot.stream().filter(work -> {
                    Long version = held.get(work.id().value().toString());
                    return version != null && version <= work.version();
                }).toList())
                .flatMap(present -> writer.bulk(index, present));
    }
}
