package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PrintableCharactersTest {

    /** Spring Security's own patterns, which the firewall used before. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithSpringSecuritysPatternsOnEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(PrintableCharacters.name(text)).as("name U+%04X", codePoint).isEqualTo(NAME.matcher(text).matches());
            assertThat(PrintableCharacters.headerValue(text)).as("value U+%04X", codePoint)
                    .isEqualTo(HEADER_VALUE.matcher(text).matches());
        }
    }

    @Test
    void agreesOnMixedStringsIncludingLoneSurrogates() {
        SplittableRandom random = new SplittableRandom(20261124);
        char[] alphabet = {'a', ' ', '\t', '\n', '\u007f', '\u0085', '科', '\ud83d', '\ude00', '\u0378', '\u00a0', '\r'};
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = text.toString();
            assertThat(PrintableCharacters.name(value)).as("name %s", value.chars().boxed().toList())
                    .isEqualTo(NAME.matcher(value).matches());
            assertThat(PrintableCharacters.headerValue(value)).as("value %s", value.chars().boxed().toList())
                    .isEqualTo(HEADER_VALUE.matcher(value).matches());
        }
    }

    @Test
    void refusesControlCharactersAndAcceptsChineseAndNull() {
        assertThat(PrintableCharacters.headerValue("科普 日\tabc")).isTrue();
        assertThat(PrintableCharacters.name("X-Name\t")).isFalse();
        assertThat(PrintableCharacters.headerValue("value\r\nInjected: 1")).isFalse();
        assertThat(PrintableCharacters.name(null)).isTrue();
        assertThat(PrintableCharacters.headerValue("")).isTrue();
    }
}
