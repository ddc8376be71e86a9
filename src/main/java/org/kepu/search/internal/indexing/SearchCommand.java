package org.kepu.search.internal.indexing;

import java.time.Duration;

import org.kepu.search.internal.SearchProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kepu.jar --kepu.search.indexing.command=reindex} (or {@code drift}) runs that once against
 * the configured servers, prints the result and exits: the operator's way when no administrator is signed in,
 * e.g. after restoring a database backup.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SearchCommand implements ApplicationRunner {

    private final IndexingProperties properties;
    private final SearchProperties search;
    private final Reindex reindex;
    private final DriftCheck drift;
    private final ConfigurableApplicationContext context;

    SearchCommand(IndexingProperties properties, SearchProperties search, Reindex reindex, DriftCheck drift,
                  ConfigurableApplicationContext context) {
        this.properties = properties;
        this.search = search;
        this.reindex = reindex;
        this.drift = drift;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String command = properties.command();
        if (command == null || command.isBlank()) {
            return;
        }
        Object result = switch (command.strip()) {
            case "reindex" -> reindex.run("command").block(Duration.ofHours(2));
            case "drift" -> drift.check(search.alias(), true).block(Duration.ofHours(1));
            default -> throw new IllegalArgumentException("kepu.search.indexing.command must be reindex or drift, not " + command);
        };
        System.out.println(result);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
