package org.kepu.site.internal;

import org.kepu.content.ColumnsChanged;
import org.kepu.content.WorkPublished;
import org.kepu.content.WorkUnpublished;
import org.kepu.platform.AfterCommit;
import org.kepu.platform.ModuleEventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Publishing or unpublishing a work, an editor's change of columns, rumors or events, clears the page cache of every instance once the change has
 * committed (clearing before the commit would let a page rendered from the old data be cached again).
 * Outside a transaction it clears at once. A crash between commit and clearing costs at most the
 * cache's time to live.
 */
@Configuration(proxyBeanMethods = false)
class CacheInvalidation {

    @Bean
    ModuleEventListener<WorkPublished> clearPagesOnPublish(PageCache pages) {
        return listener(WorkPublished.class, pages);
    }

    @Bean
    ModuleEventListener<WorkUnpublished> clearPagesOnUnpublish(PageCache pages) {
        return listener(WorkUnpublished.class, pages);
    }

    /** A column created, changed or reordered: listings and column pages change (window bounds passing by need the TTL). */
    @Bean
    ModuleEventListener<ColumnsChanged> clearPagesOnColumnsChanged(PageCache pages) {
        return listener(ColumnsChanged.class, pages);
    }

    /** A rumor published, unpublished, or a rumor column or list changed: the library's pages, the home page and search cards. */
    @Bean
    ModuleEventListener<org.kepu.rumor.RumorsChanged> clearPagesOnRumorsChanged(PageCache pages) {
        return listener(org.kepu.rumor.RumorsChanged.class, pages);
    }

    /** A series published, an occurrence changed or its capacity: the events calendar, event pages and the home page. */
    @Bean
    ModuleEventListener<org.kepu.event.EventsChanged> clearPagesOnEventsChanged(PageCache pages) {
        return listener(org.kepu.event.EventsChanged.class, pages);
    }

    private static <T> ModuleEventListener<T> listener(Class<T> type, PageCache pages) {
        return new ModuleEventListener<>() {
            @Override
            public Class<T> eventType() {
                return type;
            }

            @Override
            public Mono<Void> on(T event) {
                return AfterCommit.run(pages::invalidate);
            }
        };
    }
}
