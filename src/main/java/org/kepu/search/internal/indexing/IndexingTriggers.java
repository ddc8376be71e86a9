package org.kepu.search.internal.indexing;

import java.util.function.Function;

import org.kepu.content.WorkId;
import org.kepu.content.WorkPublished;
import org.kepu.content.WorkUnpublished;
import org.kepu.content.WorkViewsChanged;
import org.kepu.platform.Jobs;
import org.kepu.platform.ModuleEventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change of a work's public state queues its indexing job in the same transaction: if the change
 * commits, the index follows, even when Elasticsearch is down at that moment (the job retries). So does every
 * move of view counts to PostgreSQL: one popularity refresh per batch of works, not one per view.
 */
@Configuration(proxyBeanMethods = false)
class IndexingTriggers {

    @Bean
    ModuleEventListener<WorkPublished> indexOnPublish(Jobs jobs, IndexingProperties properties) {
        return trigger(WorkPublished.class, WorkPublished::id, jobs, properties);
    }

    @Bean
    ModuleEventListener<WorkUnpublished> indexOnUnpublish(Jobs jobs, IndexingProperties properties) {
        return trigger(WorkUnpublished.class, WorkUnpublished::id, jobs, properties);
    }

    @Bean
    ModuleEventListener<WorkViewsChanged> refreshPopularityOnViews(Jobs jobs, IndexingProperties properties) {
        return new ModuleEventListener<>() {
            @Override
            public Class<WorkViewsChanged> eventType() {
                return WorkViewsChanged.class;
            }

            @Override
            public Mono<Void> on(WorkViewsChanged event) {
                return Flux.fromIterable(RefreshPopularityJob.requests(event.works(), properties.bulkSize(), properties.maxAttempts()))
                        .concatMap(jobs::enqueue).then();
            }
        };
    }

    private static <T> ModuleEventListener<T> trigger(Class<T> type, Function<T, WorkId> work, Jobs jobs,
                                                      IndexingProperties properties) {
        return new ModuleEventListener<>() {
            @Override
            public Class<T> eventType() {
                return type;
            }

            @Override
            public Mono<Void> on(T event) {
                return jobs.enqueue(IndexWorkJob.request(work.apply(event), properties.maxAttempts())).then();
            }
        };
    }
}
