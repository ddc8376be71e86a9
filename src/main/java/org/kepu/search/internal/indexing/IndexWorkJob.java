package org.kepu.search.internal.indexing;

import java.util.UUID;

import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.kepu.search.internal.SearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings one work's document in line with what PostgreSQL says now: the public revision is indexed, a work
 * that is not public is removed. The job reads the state when it runs, not when it was queued, so a
 * job that runs late or twice writes the newest state or is refused as older.
 */
@Component
class IndexWorkJob implements JobHandler {

    static final String KIND = "search.index-work";

    private final PublishedWorks works;
    private final IndexWriter writer;
    private final SearchProperties search;
    private final JsonMapper json;

    IndexWorkJob(PublishedWorks works, IndexWriter writer, SearchProperties search, JsonMapper json) {
        this.works = works;
        this.writer = writer;
        this.search = search;
        this.json = json;
    }

    static JobRequest request(WorkId work, int maxAttempts) {
        return JobRequest.of(KIND, "{\"work\":\"" + work.value() + "\"}").withPriority(3).withMaxAttempts(maxAttempts);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        WorkId id = new WorkId(UUID.fromString(json.readTree(job.payload()).get("work").asString()));
        return works.publication(id)
                .flatMap(publication -> publication.isPublic()
                        ? writer.index(search.alias(), publication.work())
                        : writer.delete(search.alias(), id.value().toString(), publication.version()));
    }
}
