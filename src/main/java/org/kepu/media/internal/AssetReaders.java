package org.kepu.media.internal;

import java.security.Principal;

import org.springframework.security.core.Authentication;

/**
 * Who may look at an asset's status, renditions and text: its uploader, and administrators (who also see
 * what the platform imported itself). Review roles join here with the review chain.
 */
final class AssetReaders {

    private static final String ADMIN = "ROLE_ADMIN";

    private AssetReaders() {
    }

    static boolean seesEveryAsset(Principal user) {
        return user instanceof Authentication authentication
                && authentication.getAuthorities().stream().anyMatch(granted -> ADMIN.equals(granted.getAuthority()));
    }
}
