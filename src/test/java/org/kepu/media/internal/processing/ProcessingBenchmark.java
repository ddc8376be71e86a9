package org.kepu.media.internal.processing;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
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
 * JUnit-free runner for {@code bench/media.sh}; one action per JVM, so each measurement includes a JVM start.
 * <pre>
 *   hls &lt;input&gt; &lt;hls folder&gt;        probe + the HLS ladder through VideoProcessor
 *   tika-isolated &lt;pdf&gt;             DocumentExtractor (child JVM, -Xmx256m)
 *   tika-inprocess &lt;pdf&gt;            bare Tika AutoDetectParser in this JVM, same character limit
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
                var properties = new DocumentExtractionProperties("256m", MAX_CHARS, Duration.ofMinutes(10), 1);
                try (DocumentExtractor extractor = new DocumentExtractor(properties)) {
                    System.out.println("chars " + extractor.extract(Path.of(args[1])).text().length());
                }
            }
            case "tika-inprocess" -> {
                StringWriter text = new StringWriter();
                try (TikaInputStream stream = TikaInputStream.get(Path.of(args[1]))) {
                    new AutoDetectParser().parse(stream, new BodyContentHandler(new WriteOutContentHandler(text, MAX_CHARS)),
                            new Metadata(), new ParseContext());
                }
                System.out.println("chars " + text.toString().strip().length());
            }
            case "make-pdf" -> makePdf(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
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
