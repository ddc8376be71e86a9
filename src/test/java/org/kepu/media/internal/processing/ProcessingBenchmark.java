package org.kepu.media.internal.processing;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * JUnit-free runner for {@code bench/media.sh}. The first three actions are one per JVM, so each measurement
 * includes a JVM start; {@code tika-warm} measures both sides in this one long-lived JVM.
 * <pre>
 *   hls &lt;input&gt; &lt;hls folder&gt;        probe + the HLS ladder through VideoProcessor
 *   tika-isolated &lt;pdf&gt;             DocumentExtractor (a cold child JVM, -Xmx256m)
 *   tika-inprocess &lt;pdf&gt;            bare Tika AutoDetectParser in this JVM, same character limit
 *   tika-warm &lt;pdf&gt; &lt;warm-up&gt; &lt;rounds&gt;  both of the above, alternating in this JVM, the child kept warm
 *   make-pdf &lt;pdf&gt; &lt;pages&gt;          a PDF of text pages, each with a 96 KB noise image
 * </pre>
 */
public final class ProcessingBenchmark {

    static final int MAX_CHARS = 20_000_000;

    private ProcessingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "hls" -> {
                try (FfmpegRunner runner = new FfmpegRunner(new FfmpegTools(FfmpegProperties.defaults()),
                        FfmpegProperties.defaults())) {
                    MediaFacts facts = new MediaProbe(runner).probe(args[1]);
                    HlsLadder ladder = new VideoProcessor(runner).hls(args[1], facts, Path.of(args[2]), null, null);
                    System.out.println("renditions " + ladder.renditions().size());
                }
            }
            case "tika-isolated" -> {
                try (DocumentExtractor extractor = new DocumentExtractor(isolated(false))) {
                    System.out.println("chars " + extractor.extract(Path.of(args[1])).text().length());
                }
            }
            case "tika-inprocess" -> System.out.println("chars " + inProcess(new AutoDetectParser(), Path.of(args[1])));
            case "tika-warm" -> warm(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "make-pdf" -> makePdf(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static DocumentExtractionProperties isolated(boolean prestart) {
        return new DocumentExtractionProperties("256m", MAX_CHARS, Duration.ofMinutes(10), 1, 1_000, prestart);
    }

    private static int inProcess(AutoDetectParser parser, Path pdf) throws Exception {
        StringWriter text = new StringWriter();
        try (TikaInputStream stream = TikaInputStream.get(pdf)) {
            parser.parse(stream, new BodyContentHandler(new WriteOutContentHandler(text, MAX_CHARS)), new Metadata(),
                    new ParseContext());
        }
        return text.toString().strip().length();
    }

    /**
     * Bare Tika in this JVM and DocumentExtractor with one warm child, alternating (the order flips every
     * round), after {@code warmUp} unmeasured rounds; prints every time, the medians, their ratio and the
     * fastest times.
     */
    private static void warm(Path pdf, int warmUp, int rounds) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        List<Double> bare = new ArrayList<>();
        List<Double> kepu = new ArrayList<>();
        int[] chars = new int[2];
        try (DocumentExtractor extractor = new DocumentExtractor(isolated(true))) {
            for (int round = 0; round < warmUp + rounds; round++) {
                boolean measured = round >= warmUp;
                for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                    long started = System.nanoTime();
                    chars[side] = side == 0 ? inProcess(parser, pdf) : extractor.extract(pdf).text().length();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (measured) {
                        (side == 0 ? bare : kepu).add(seconds);
                    }
                }
            }
            System.out.println("children " + extractor.childPids());
        }
        double ratio = median(bare) / median(kepu);
        System.out.printf(Locale.ROOT, "in-process %.3f  warm child %.3f  ratio %.3f%n", median(bare), median(kepu), ratio);
        System.out.printf(Locale.ROOT, "fastest in-process %.3f  warm child %.3f%n", min(bare), min(kepu));
        System.out.println("all in-process " + seconds(bare) + "  warm child " + seconds(kepu));
        System.out.println("text in-process " + chars[0] + ", warm child " + chars[1]);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static String seconds(List<Double> values) {
        return String.join(" ", values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
    }

    private static void makePdf(Path file, int pages) throws Exception {
        Random random = new Random(42);
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                BufferedImage noise = new BufferedImage(256, 128, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 128; y++) {
                    for (int x = 0; x < 256; x++) {
                        noise.setRGB(x, y, random.nextInt(0xFFFFFF));
                    }
                }
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, noise), 72, 560, 256, 128);
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(50, 540);
                    for (int line = 0; line < 50; line++) {
                        content.showText("Page " + p + " line " + line + ": food safety starts at the table; wash, "
                                + "separate, cook and chill. " + random.nextInt(1_000_000));
                        content.newLineAtOffset(0, -10);
                    }
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
    }
}
