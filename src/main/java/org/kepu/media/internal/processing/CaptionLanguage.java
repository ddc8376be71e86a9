package org.kepu.media.internal.processing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The BCP 47 tag ({@code <track srclang>}) of a subtitle stream's language tag. Containers write ISO 639-2
 * codes (MP4 and Matroska: {@code chi}/{@code zho}, {@code eng}), sometimes BCP 47 ({@code zh-CN}); the
 * result is lower case, at most a language and a region or script, and {@code und} when unknown.
 */
public final class CaptionLanguage {

    public static final String UNDETERMINED = "und";

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");
    private static final Map<String, String> THREE_LETTER = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                THREE_LETTER.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // a language without a three-letter code
            }
        }
        // ISO 639-2/B codes, which differ from the /T codes Java knows
        Map.ofEntries(Map.entry("chi", "zh"), Map.entry("fre", "fr"), Map.entry("ger", "de"), Map.entry("dut", "nl"),
                Map.entry("cze", "cs"), Map.entry("gre", "el"), Map.entry("per", "fa"), Map.entry("rum", "ro"),
                Map.entry("slo", "sk"), Map.entry("wel", "cy"), Map.entry("tib", "bo"), Map.entry("may", "ms"),
                Map.entry("bur", "my"), Map.entry("arm", "hy"), Map.entry("geo", "ka"), Map.entry("ice", "is"),
                Map.entry("mac", "mk"), Map.entry("alb", "sq"), Map.entry("baq", "eu"), Map.entry("mao", "mi"))
                .forEach(THREE_LETTER::put);
    }

    private CaptionLanguage() {
    }

    public static String of(String written) {
        if (written == null) {
            return UNDETERMINED;
        }
        String tag = written.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        String[] parts = tag.split("-");
        String language = parts[0].length() == 3 ? THREE_LETTER.getOrDefault(parts[0], parts[0]) : parts[0];
        String result = parts.length > 1 ? language + "-" + parts[1] : language;
        return TAG.matcher(result).matches() && !result.startsWith(UNDETERMINED) ? result : UNDETERMINED;
    }
}
