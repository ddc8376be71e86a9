package org.kepu.media.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\张三\\视频.mp4")).isEqualTo("视频.mp4");
    }

    @Test
    void dropsControlAndDirectionCharactersButKeepsChinese() {
        assertThat(FileNames.sanitize("科普\u0000\u0007\r\n视频\u202egpj.exe")).isEqualTo("科普视频gpj.exe");
    }

    @Test
    void neverReturnsAnEmptyOrHiddenName() {
        assertThat(FileNames.sanitize(null)).isEqualTo("unnamed");
        assertThat(FileNames.sanitize("../")).isEqualTo("unnamed");
        assertThat(FileNames.sanitize("..")).isEqualTo("unnamed");
        assertThat(FileNames.sanitize(".bashrc")).isEqualTo("bashrc");
    }

    @Test
    void limitsTheLengthInCharactersNotBytes() {
        String sanitized = FileNames.sanitize("科".repeat(500) + ".mp4");
        assertThat(sanitized.codePointCount(0, sanitized.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(FileNames.sanitize("😀".repeat(300))).hasSize(2 * FileNames.MAX_LENGTH);
    }
}
