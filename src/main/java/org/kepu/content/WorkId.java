package org.kepu.content;

import java.util.UUID;

public record WorkId(UUID value) {
}
