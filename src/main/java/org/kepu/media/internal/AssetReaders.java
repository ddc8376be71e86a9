package org.kepu.media.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * Who may look at an asset's status, renditions, files and text before it is public: its uploader, the
 * other accounts of the uploader's society, and association staff and reviewers (who must see the media
 * of the works they review, and what the platform imported itself).
 */
final class AssetReaders {

    private static final Set<String> SEE_ALL = Set.of("ROLE_ADMIN", "ROLE_EDITOR",
            "ROLE_REVIEWER_POLITICAL", "ROLE_REVIEWER_SCIENTIFIC", "ROLE_APPROVER");

    private AssetReaders() {
    }

    static boolean seesEveryAsset(Principal user) {
        return user instanceof Authentication authentication
                && authentication.getAuthorities().stream().anyMatch(granted -> SEE_ALL.contains(granted.getAuthority()));
    }

    /** The society a society account acts for; null for everyone else. */
    static String societyOf(Principal user) {
        Actor actor = Actor.of(user);
        boolean societyAccount = actor.roles().stream().anyMatch(Role::needsOrganisation);
        return societyAccount ? actor.organisation() : null;
    }

    /** The society of the signed-in account of the request being served; empty for staff, jobs and start-up. */
    static Mono<Optional<String>> uploaderSociety() {
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(context -> Mono.justOrEmpty(context.getAuthentication()))
                .map(authentication -> Optional.ofNullable(societyOf(authentication)))
                .defaultIfEmpty(Optional.empty());
    }
}
