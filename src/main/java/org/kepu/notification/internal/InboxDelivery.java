package org.kepu.notification.internal;

import java.util.TreeSet;

import org.kepu.identity.AccountDirectory;
import org.kepu.notification.Notice;
import org.kepu.notification.Notifications;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One inbox row per recipient: the named accounts and whoever holds the named roles now. */
@Component
class InboxDelivery implements Notifications {

    private final InboxTable inbox;
    private final AccountDirectory directory;

    InboxDelivery(InboxTable inbox, AccountDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Override
    public Mono<Void> send(Notice notice) {
        return Flux.fromIterable(notice.roles()).concatMap(directory::holdersOf)
                .concatWithValues(notice.accounts().toArray(String[]::new))
                .collect(TreeSet<String>::new, TreeSet::add)
                .flatMap(recipients -> inbox.insert(notice, recipients));
    }
}
