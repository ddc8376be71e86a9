package org.kepu.notification;

import java.util.List;
import java.util.Set;

import org.kepu.identity.Role;

/**
 * One notice for some accounts and everyone holding some roles. Its text is the message {@code notice.<kind>}
 * in the reader's language, filled with {@code arguments}; an argument starting with {@code @} is itself a
 * message key (e.g. {@code @review.stage.POLITICAL}), so it reads in the reader's language too.
 *
 * @param link where the console shows the subject, e.g. {@code /console/review/cases/…}
 */
public record Notice(String kind, List<String> arguments, String subject, String link, Set<String> accounts, Set<Role> roles) {

    public Notice {
        arguments = List.copyOf(arguments);
        accounts = Set.copyOf(accounts);
        roles = Set.copyOf(roles);
    }

    public static Notice to(String account, String kind, String subject, String link, String... arguments) {
        return new Notice(kind, List.of(arguments), subject, link, Set.of(account), Set.of());
    }

    public static Notice toRole(Role role, String kind, String subject, String link, String... arguments) {
        return new Notice(kind, List.of(arguments), subject, link, Set.of(), Set.of(role));
    }
}
