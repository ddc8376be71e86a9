package org.kepu.review.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenResult;
import org.kepu.review.ScreenedField;

/**
 * JUnit-free runner for {@code bench/screen.sh}: screens a 20,000-character article built from the
 * sample texts, in one JVM, and prints medians.
 * <pre>
 *   ScreenBenchmark [synthetic entries, default 5000] [runs, default 21]
 * </pre>
 * The dictionary is the starter set of the migration plus random two- to four-character entries
 * of common Chinese characters (a real dictionary's size, words that share first characters with
 * ordinary text).
 */
public final class ScreenBenchmark {

    static final int ARTICLE_CHARS = 20_000;

    private ScreenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        List<SensitiveWord> words = dictionary(synthetic);
        List<String> paragraphs = article();
        String text = String.join("\n", paragraphs);
        String html = "<h1>示例文章</h1>" + String.join("", paragraphs.stream().map(p -> "<p>" + p + "</p>").toList());

        double build = median(runs, () -> CompiledDictionary.of(words));
        CompiledDictionary dictionary = CompiledDictionary.of(words);
        ScreenResult plainResult = dictionary.screen(List.of(ScreenedField.plain("body", text)), 15);
        double plain = median(runs, () -> dictionary.screen(List.of(ScreenedField.plain("body", text)), 15));
        double htmlBody = median(runs, () -> dictionary.screen(List.of(ScreenedField.html("body", html)), 15));
        WordMatcher single = WordMatcher.of(words.stream().filter(w -> w.level() == WordLevel.FLAG)
                .map(w -> WordKeys.key(w.word())).toList(), List.of());
        double windowed = median(runs, () -> single.find(text));
        double whole = median(Math.min(runs, 7), () -> single.findWhole(text));

        System.out.printf("machine: %d vCPUs, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("dictionary: %d entries (%d synthetic); article: %d characters in %d paragraphs, %d hits (%d BLOCK)%n",
                words.size(), synthetic, text.length(), paragraphs.size(), plainResult.hits().size(), plainResult.hits(ScreenLevel.BLOCK).size());
        System.out.printf("medians of %d runs, ms:%n", runs);
        System.out.printf("  build dictionary (two matchers)           %8.2f%n", build);
        System.out.printf("  screen 20k plain text                     %8.2f%n", plain);
        System.out.printf("  screen 20k as HTML (jsoup + screen)       %8.2f%n", htmlBody);
        System.out.printf("  one matcher, windows of %d             %8.2f%n", WordMatcher.WINDOW, windowed);
        System.out.printf("  one matcher, whole text in one call       %8.2f%n", whole);
    }

    private static double median(int runs, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private static List<SensitiveWord> dictionary(int synthetic) throws Exception {
        List<SensitiveWord> words = new ArrayList<>(SensitiveWordScreenTest.seeds());
        Random random = new Random(42);
        for (int i = 0; i < synthetic; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = 2 + random.nextInt(3); n > 0; n--) {
                word.append((char) (0x4E00 + random.nextInt(0x1400)));
            }
            WordLevel level = i % 4 == 0 ? WordLevel.BLOCK : WordLevel.FLAG;
            words.add(new SensitiveWord(words.size() + 1, word.toString(), level, "", "bench", OffsetDateTime.now()));
        }
        return words;
    }

    /** Paragraphs of the sample texts, repeated to 20,000 characters, with a FLAG word now and then. */
    private static List<String> article() throws Exception {
        List<String> source = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("content-samples/texts"))) {
            for (Path file : files.sorted().toList()) {
                Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty())
                        .map(line -> line.replaceFirst("^[#\\-*\\d.\\s]+", "")).forEach(source::add);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        int length = 0;
        for (int i = 0; length < ARTICLE_CHARS; i++) {
            String paragraph = source.get(i % source.size()) + (i % 25 == 0 ? "有人说这是包治百病的神药。" : "");
            paragraphs.add(paragraph);
            length += paragraph.length() + 1;
        }
        return paragraphs;
    }
}
