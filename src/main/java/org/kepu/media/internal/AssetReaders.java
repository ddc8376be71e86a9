package org.kepu.media.internal;

import java.security.Principal;

import org.springframework.security.core.Authentication;

/**
 * Who may look at an asset's status, renditions and text: its uploader, and association staff and
 * reviewers (who must see the media of the works they review, and what the platform imported itself).
 */
final class AssetReaders {

    private static final java.util.Set<String> SEE_ALL = java.util.Set.of("ROLE_ADMIN", "ROLE_EDITOR",
            "ROLE_REVIEWER_POLITICAL", "ROLE_REVIEWER_SCIENTIFIC", "ROLE_APPROVER");

    private AssetReaders() {
    }

    static boolean seesEveryAsset(Principal user) {
        return user instanceof Authentication authentication
                && authentication.getAuthorities().stream().anyMatch(granted -> SEE_ALL.contains(granted.getAuthority()));
    }
}
