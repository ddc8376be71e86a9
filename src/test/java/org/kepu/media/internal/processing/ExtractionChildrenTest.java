package org.kepu.media.internal.processing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.kepu.media.internal.processing.DocumentExtractorTest.CHINESE;

/** The warm extraction children: reuse, replacement after a failure, recycling, and no orphans. */
class ExtractionChildrenTest {

    @TempDir
    static Path folder;

    static Path docx;

    @BeforeAll
    static void documents() throws Exception {
        docx = DocumentExtractorTest.writeSmallDocx(folder.resolve("small.docx"));
    }

    @Test
    void oneChildServesDocumentAfterDocument() {
        try (DocumentExtractor extractor = new DocumentExtractor(properties(100, false, 1))) {
            assertThat(extractor.childPids()).isEmpty();
            assertThat(extractor.extract(docx).text()).contains(CHINESE);
            List<Long> first = extractor.childPids();
            assertThat(first).hasSize(1);
            for (int i = 0; i < 3; i++) {
                assertThat(extractor.extract(docx).text()).contains(CHINESE);
                assertThat(extractor.childPids()).isEqualTo(first);
            }
        }
    }

    @Test
    void aChildKilledAtItsTimeLimitIsReplacedAndTheNextDocumentSucceeds() throws Exception {
        Path pdf = writeTextPdf(folder.resolve("pages.pdf"), 40);
        try (DocumentExtractor extractor = new DocumentExtractor(properties(100, false, 1))) {
            extractor.extract(docx);
            long killed = onlyChild(extractor);

            assertThatThrownBy(() -> extractor.extract(pdf, Duration.ofMillis(1)))
                    .isInstanceOf(UnsafeDocumentException.class)
                    .hasMessageContaining("longer than 1 ms");

            await().atMost(Duration.ofSeconds(10)).until(() -> !isAlive(killed));
            assertThat(extractor.extract(pdf).pages()).isEqualTo(40);
            assertThat(onlyChild(extractor)).isNotEqualTo(killed);
        }
    }

    @Test
    void aZipBombDoesNotBreakTheNextExtraction() throws Exception {
        Path bomb = folder.resolve("bomb.docx");
        DocumentExtractorTest.writeZipBomb(bomb, 1L << 30);
        try (DocumentExtractor extractor = new DocumentExtractor(properties(100, false, 1))) {
            assertThatThrownBy(() -> extractor.extract(bomb)).isInstanceOf(UnsafeDocumentException.class);
            assertThat(extractor.extract(docx).text()).contains(CHINESE);
            assertThat(extractor.childPids()).hasSize(1);
        }
    }

    @Test
    void aChildIsReplacedAfterItsShareOfDocuments() {
        try (DocumentExtractor extractor = new DocumentExtractor(properties(2, false, 1))) {
            extractor.extract(docx);
            long first = onlyChild(extractor);
            extractor.extract(docx);
            await().atMost(Duration.ofSeconds(10)).until(() -> !isAlive(first));
            long second = onlyChild(extractor);
            assertThat(second).isNotEqualTo(first);

            assertThat(extractor.extract(docx).text()).contains(CHINESE);
            assertThat(onlyChild(extractor)).isEqualTo(second);
        }
    }

    @Test
    void closeEndsEveryChild() {
        DocumentExtractor extractor = new DocumentExtractor(properties(100, true, 2));
        List<Long> children = extractor.childPids();
        assertThat(children).hasSize(2);
        List<String> texts = Flux.range(0, 4).flatMap(i -> extractor.extractAsync(docx))
                .map(ExtractedDocument::text).collectList().block(Duration.ofMinutes(1));
        assertThat(texts).hasSize(4).allSatisfy(text -> assertThat(text).contains(CHINESE));
        assertThat(extractor.childPids()).containsExactlyInAnyOrderElementsOf(children);

        extractor.close();

        assertThat(children).noneMatch(ExtractionChildrenTest::isAlive);
        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContainAnyElementsOf(children);
        assertThatThrownBy(() -> extractor.extract(docx)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void childrenEndWhenTheApplicationJvmDiesWithoutClosingThem() throws Exception {
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExtractorInAnotherJvm.class.getName(), docx.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("children ")) {
                line = out.readLine();
            }
            assertThat(line).startsWith("children ");
            List<Long> children = Arrays.stream(line.substring("children ".length()).split(" ")).map(Long::valueOf).toList();
            assertThat(children).hasSize(1).allMatch(ExtractionChildrenTest::isAlive);

            application.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(10)).until(() -> children.stream().noneMatch(ExtractionChildrenTest::isAlive));
        } finally {
            application.destroyForcibly();
        }
    }

    /** An application that extracts one document, reports its warm child and waits to be killed. */
    static final class ExtractorInAnotherJvm {

        public static void main(String[] args) throws Exception {
            DocumentExtractor extractor = new DocumentExtractor(properties(100, false, 1));
            extractor.extract(Path.of(args[0]));
            System.out.println("children " + String.join(" ", extractor.childPids().stream().map(String::valueOf).toList()));
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    static DocumentExtractionProperties properties(int documentsPerChild, boolean prestart, int concurrency) {
        return new DocumentExtractionProperties("256m", 2_000_000, Duration.ofSeconds(60), concurrency, documentsPerChild,
                prestart);
    }

    private static long onlyChild(DocumentExtractor extractor) {
        List<Long> children = extractor.childPids();
        assertThat(children).hasSize(1);
        return children.get(0);
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static Path writeTextPdf(Path pdf, int pages) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 0; page < pages; page++) {
                PDPage pdPage = new PDPage();
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(50, 740);
                    for (int line = 0; line < 60; line++) {
                        content.showText("Page " + page + " line " + line + ": wash, separate, cook and chill.");
                        content.newLineAtOffset(0, -11);
                    }
                    content.endText();
                }
            }
            document.save(pdf.toFile());
        }
        return pdf;
    }
}
