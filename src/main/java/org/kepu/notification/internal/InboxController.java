package org.kepu.notification.internal;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import org.kepu.platform.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's own inbox; nobody reads or marks another account's notices. */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

    private static final int MAX_PAGE = 100;

    /** A notice as its reader sees it, the text in the reader's language. */
    record InboxEntry(long id, String kind, String text, String subject, String link, OffsetDateTime createdAt, boolean read) {
    }

    private final InboxTable inbox;
    private final MessageSource messages;

    InboxController(InboxTable inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @GetMapping
    Flux<InboxEntry> page(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Long before,
                          @RequestParam(defaultValue = "20") int size, Principal reader, ServerWebExchange exchange) {
        if (size < 1 || size > MAX_PAGE) {
            return Flux.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "inbox-page-size", MAX_PAGE));
        }
        Locale locale = exchange.getLocaleContext().getLocale();
        return inbox.page(reader.getName(), unread, before, size).collectList()
                .flatMapIterable(page -> page.stream().map(stored -> entry(stored, locale)).toList());
    }

    @GetMapping("/unread-count")
    Mono<Map<String, Long>> unreadCount(Principal reader) {
        return inbox.unread(reader.getName()).map(count -> Map.of("unread", count));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> read(@PathVariable long id, Principal reader) {
        return inbox.markRead(reader.getName(), id)
                .flatMap(marked -> marked ? Mono.<Void>empty()
                        : Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "inbox-notice-not-found", id)));
    }

    @PostMapping("/read-all")
    Mono<Map<String, Long>> readAll(Principal reader) {
        return inbox.markAllRead(reader.getName()).map(marked -> Map.of("marked", marked));
    }

    private InboxEntry entry(InboxTable.Stored stored, Locale locale) {
        Object[] arguments = stored.arguments().stream()
                .map(argument -> argument.startsWith("@") ? messages.getMessage(argument.substring(1), null, argument, locale) : argument)
                .toArray();
        String text = messages.getMessage("notice." + stored.kind(), arguments, stored.kind(), locale);
        return new InboxEntry(stored.id(), stored.kind(), text, stored.subject(), stored.link(), stored.createdAt(),
                stored.readAt() != null);
    }
}
