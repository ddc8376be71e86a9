package org.kepu.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin spellings of a completion input, as a searcher types them without tones or separators: the full
 * pinyin ({@code shipinanquan}) and the initials ({@code spaq}) of 食品安全; ü is written {@code v}
 * (绿色 → {@code lvse}, {@code ls}); letters and digits of the text are kept as they are (PM2.5防护 →
 * {@code pm25fanghu}, {@code pm25fh}), everything else is dropped.
 *
 * <p>Polyphonic characters: pinyin4j's phrase dictionary picks the reading in context (银行 → yinhang),
 * and that reading comes first; the other readings of the first polyphonic characters are offered too, up
 * to {@value #COMBINATIONS} spellings per text, because the dictionary is sometimes wrong (it reads 长江 as
 * zhangjiang).
 *
 * <p>pinyin4j reads its tables from the classpath when first used; {@link #load()} does that at start, so
 * no request or indexing thread ever reads a file.
 */
public final class Pinyin {

    /** At most this many readings of one text; each gives a full spelling and an initials spelling. */
    static final int COMBINATIONS = 4;
    /** Longest spelling kept; completion matches prefixes, so the rest would never be typed. */
    static final int MAX_LENGTH = 50;

    /** Short texts (tags, topic names, short titles) repeat across works: their spellings are kept. */
    private static final int CACHED_LENGTH = 12;
    private static final int CACHE_SIZE = 20_000;
    private static final ConcurrentHashMap<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private static final HanyuPinyinOutputFormat FORMAT = format();
    private static final Pattern TYPED_SEPARATORS = Pattern.compile("[\\s\\u3000'’]+");
    private static final Pattern TYPED = Pattern.compile("[a-z0-9]*[a-z][a-z0-9]*");

    private Pinyin() {
    }

    /** Reads pinyin4j's tables (character readings and phrases). Called once at start. */
    public static void load() {
        forms("银行长江");
    }

    /**
     * The spellings of {@code text}, the most likely reading first, without repeats; empty when the text has
     * no Chinese character with a known reading (the text itself is then all a searcher would type).
     */
    public static List<String> forms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > CACHED_LENGTH) {
            return spell(text);
        }
        List<String> cached = CACHE.get(text);
        if (cached == null) {
            if (CACHE.size() >= CACHE_SIZE) {
                CACHE.clear();
            }
            cached = spell(text);
            CACHE.put(text, cached);
        }
        return cached;
    }

    private static List<String> spell(String text) {
        List<List<String>> units = units(text.toLowerCase(Locale.ROOT));
        if (units.stream().allMatch(unit -> unit.get(0).startsWith("~"))) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        for (List<String> reading : readings(units)) {
            StringBuilder full = new StringBuilder();
            StringBuilder initials = new StringBuilder();
            for (String syllable : reading) {
                full.append(syllable);
                initials.append(syllable.startsWith("~") ? syllable : syllable.substring(0, 1));
            }
            forms.add(cut(full.toString().replace("~", "")));
            forms.add(cut(initials.toString().replace("~", "")));
        }
        forms.remove("");
        return List.copyOf(forms);
    }

    /**
     * What a searcher typed, as a pinyin prefix: lower case, without spaces or apostrophes ({@code Shi Pin},
     * {@code xi'an}); null when it is not one (Chinese characters, punctuation, or no letter at all).
     */
    public static String typed(String prefix) {
        if (prefix == null) {
            return null;
        }
        String typed = TYPED_SEPARATORS.matcher(prefix.toLowerCase(Locale.ROOT)).replaceAll("");
        return TYPED.matcher(typed).matches() ? typed : null;
    }

    private static String cut(String form) {
        return form.length() > MAX_LENGTH ? form.substring(0, MAX_LENGTH) : form;
    }

    /**
     * One unit per Chinese character (its readings, the one in context first) and per run of letters and
     * digits (the run itself, marked with {@code ~} so that its initials keep it whole).
     */
    private static List<List<String>> units(String text) {
        String inContext = phrasePinyin(text);
        int at = 0;
        List<List<String>> units = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            List<String> readings = codePoint <= 0xFFFF ? readings((char) codePoint) : List.of();
            if (readings.isEmpty()) {
                if (codePoint < 128 && Character.isLetterOrDigit(codePoint)) {
                    run.appendCodePoint(codePoint);
                }
                if (inContext != null && at < inContext.length() && inContext.codePointAt(at) == codePoint) {
                    at += Character.charCount(codePoint);
                }
                continue;
            }
            if (!run.isEmpty()) {
                units.add(List.of("~" + run));
                run.setLength(0);
            }
            String preferred = null;
            if (inContext != null) {
                for (String reading : readings) {
                    if (inContext.startsWith(reading, at) && (preferred == null || reading.length() > preferred.length())) {
                        preferred = reading;
                    }
                }
            }
            if (preferred == null) {
                inContext = null; // lost the alignment: the remaining characters keep their first reading
            } else {
                at += preferred.length();
                List<String> ordered = new ArrayList<>(readings.size());
                ordered.add(preferred);
                for (String reading : readings) {
                    if (!reading.equals(preferred)) {
                        ordered.add(reading);
                    }
                }
                readings = ordered;
            }
            units.add(readings);
        }
        if (!run.isEmpty()) {
            units.add(List.of("~" + run));
        }
        return units;
    }

    /** Combinations of readings: the first of every unit first, then the others of the earliest polyphonic units. */
    private static List<List<String>> readings(List<List<String>> units) {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        for (List<String> unit : units) {
            boolean expand = combinations.size() * unit.size() <= COMBINATIONS;
            List<List<String>> next = new ArrayList<>();
            for (List<String> combination : combinations) {
                for (String reading : expand ? unit : unit.subList(0, 1)) {
                    List<String> longer = new ArrayList<>(combination);
                    longer.add(reading);
                    next.add(longer);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** The distinct readings of one character without tones, in pinyin4j's order; empty when it is not Chinese. */
    private static List<String> readings(char character) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(character, FORMAT);
            if (readings == null) {
                return List.of();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String reading : readings) {
                if (reading != null && !reading.isEmpty() && reading.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    distinct.add(reading);
                }
            }
            return List.copyOf(distinct);
        } catch (BadHanyuPinyinOutputFormatCombination impossible) {
            return List.of();
        }
    }

    /** The whole text read with pinyin4j's phrase dictionary, without separators; null when that fails. */
    private static String phrasePinyin(String text) {
        try {
            return PinyinHelper.toHanYuPinyinString(text, FORMAT, "", true).toLowerCase(Locale.ROOT);
        } catch (BadHanyuPinyinOutputFormatCombination | RuntimeException e) {
            return null;
        }
    }

    private static HanyuPinyinOutputFormat format() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        return format;
    }
}
