package org.kepu.media.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessingPriorityTest {

    private static final long MB = 1024 * 1024;

    @Test
    void smallerFilesComeFirst() {
        assertThat(ProcessingPriority.forSize(300 * 1024)).isZero();
        assertThat(ProcessingPriority.forSize(MB)).isZero();
        assertThat(ProcessingPriority.forSize(8 * MB)).isEqualTo(-3);
        assertThat(ProcessingPriority.forSize(100 * MB)).isEqualTo(-6);
        assertThat(ProcessingPriority.forSize(1024 * MB)).isEqualTo(-10);
        assertThat(ProcessingPriority.forSize(4096 * MB)).isEqualTo(-12);
        assertThat(ProcessingPriority.forSize(Long.MAX_VALUE)).isEqualTo(-20);
    }
}
