package org.kepu.identity;

import reactor.core.publisher.Flux;

/** Who holds a role, for modules that address people by what they do (e.g. the next stage's reviewers). */
public interface AccountDirectory {

    /** The usernames of the enabled accounts with {@code role}, in no particular order. */
    Flux<String> holdersOf(Role role);
}
