package org.kepu.media.internal.delivery;

import java.util.UUID;

/** Where the published files of an asset live in the bucket; the only prefix readers may see. */
public final class PublicKeys {

    public static final String PREFIX = "public/media/";

    private PublicKeys() {
    }

    public static String of(UUID asset, String file) {
        return PREFIX + asset + "/" + file;
    }

    public static String url(UUID asset, String file) {
        return "/media/" + asset + "/" + file;
    }
}
