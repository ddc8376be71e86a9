package org.kepu.media.internal.processing;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tika in a child JVM, on documents the test writes with POI, PDFBox and java.util.zip. See also {@link ExtractionChildrenTest}. */
class DocumentExtractorTest {

    static final String CHINESE = "食品安全从餐桌开始";

    @TempDir
    static Path folder;

    static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(DocumentExtractionProperties.defaults());
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    @Test
    void docxTextAndMetadata() throws Exception {
        Path docx = folder.resolve("article.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            document.createParagraph().createRun().setText(CHINESE + "。生熟分开，烧熟煮透。");
            document.createParagraph().createRun().setText("Food safety starts at the table.");
            document.getProperties().getCoreProperties().setTitle("科普：" + CHINESE);
            document.getProperties().getCoreProperties().setCreator("中国科协");
            document.write(out);
        }

        ExtractedDocument extracted = extractor.extract(docx);

        assertThat(extracted.text()).contains(CHINESE, "Food safety starts at the table.");
        assertThat(extracted.title()).isEqualTo("科普：" + CHINESE);
        assertThat(extracted.author()).isEqualTo("中国科协");
        assertThat(extracted.created()).isNotNull();
        assertThat(extracted.contentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        assertThat(extracted.characters()).isGreaterThan(30);
        assertThat(extracted.truncated()).isFalse();
    }

    @Test
    void pdfTextPagesAndChineseTitle() throws Exception {
        // No CJK font ships with the JDK or this machine, so the Chinese is in the document information.
        Path pdf = folder.resolve("leaflet.pdf");
        try (PDDocument document = new PDDocument()) {
            for (int page = 1; page <= 2; page++) {
                PDPage pdPage = new PDPage();
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("Wash your hands, page " + page);
                    content.endText();
                }
            }
            document.getDocumentInformation().setTitle(CHINESE);
            document.getDocumentInformation().setAuthor("科普中国");
            document.save(pdf.toFile());
        }

        StepVerifier.create(extractor.extractAsync(pdf))
                .assertNext(extracted -> {
                    assertThat(extracted.text()).contains("Wash your hands, page 1", "Wash your hands, page 2");
                    assertThat(extracted.title()).isEqualTo(CHINESE);
                    assertThat(extracted.author()).isEqualTo("科普中国");
                    assertThat(extracted.pages()).isEqualTo(2);
                    assertThat(extracted.contentType()).isEqualTo("application/pdf");
                })
                .verifyComplete();
    }

    @Test
    void odtText() throws Exception {
        Path odt = folder.resolve("notes.odt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(odt))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            put(zip, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>""");
            put(zip, "content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                     <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                    </office:document-content>""".formatted(CHINESE));
        }

        assertThat(extractor.extract(odt).text()).contains(CHINESE);
    }

    @Test
    void aDocxZipBombIsRefusedFastAndTheApplicationIsUnharmed() throws Exception {
        Path bomb = folder.resolve("bomb.docx");
        long expanded = writeZipBomb(bomb, 1L << 30);
        assertThat(Files.size(bomb)).isLessThan(8L << 20);
        assertThat(expanded).isGreaterThan(1L << 30);

        long started = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(bomb))
                .isInstanceOf(UnsafeDocumentException.class)
                .hasMessageMatching("(?s).*(zip bomb|more memory than 256m).*");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(Runtime.getRuntime().freeMemory()).isPositive();
        assertThat(extractor.extract(writeSmallDocx(folder.resolve("after-bomb.docx"))).text()).contains(CHINESE);
    }

    @Test
    void aDocumentThatNeedsTooMuchTimeIsKilled() throws Exception {
        var impatient = new DocumentExtractionProperties("256m", 2_000_000, Duration.ofMillis(200), 1, 100, false);
        try (DocumentExtractor hurried = new DocumentExtractor(impatient)) {
            Path pdf = folder.resolve("slow.pdf");
            try (PDDocument document = new PDDocument()) {
                document.addPage(new PDPage());
                document.save(pdf.toFile());
            }
            assertThatThrownBy(() -> hurried.extract(pdf))
                    .isInstanceOf(UnsafeDocumentException.class)
                    .hasMessageContaining("longer than");
        }
    }

    @Test
    void textBeyondTheLimitIsCutOff() throws Exception {
        var small = new DocumentExtractionProperties("256m", 100, Duration.ofSeconds(60), 1, 100, false);
        try (DocumentExtractor limited = new DocumentExtractor(small)) {
            Path docx = folder.resolve("long.docx");
            try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
                for (int i = 0; i < 50; i++) {
                    document.createParagraph().createRun().setText(CHINESE + i);
                }
                document.write(out);
            }
            ExtractedDocument extracted = limited.extract(docx);
            assertThat(extracted.truncated()).isTrue();
            assertThat(extracted.text().length()).isLessThanOrEqualTo(100);
        }
    }

    /** A DOCX whose document.xml inflates to {@code size} bytes of one repeated letter; answers the inflated size. */
    static long writeZipBomb(Path file, long size) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            return ZipBombs.docx(out, size);
        }
    }

    static Path writeSmallDocx(Path docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            document.createParagraph().createRun().setText(CHINESE);
            document.write(out);
        }
        return docx;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
