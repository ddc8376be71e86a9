package org.kepu.platform;

public record JobId(long value) {
}
