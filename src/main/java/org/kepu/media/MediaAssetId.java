package org.kepu.media;

import java.util.Objects;
import java.util.UUID;

public record MediaAssetId(UUID id) {

    public MediaAssetId {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
