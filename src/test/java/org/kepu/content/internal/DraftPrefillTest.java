package org.kepu.content.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.content.WorkKind;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaDetails;
import org.kepu.media.MediaPurpose;
import org.kepu.platform.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DraftPrefillTest {

    private static final String TEXT = """
            厨房里的科学

            紫甘蓝汁遇到白醋会变红，遇到小苏打会变绿，这是因为花青素在不同酸碱度下颜色不同。
            做实验时请家长陪同，不要品尝实验用品。
            """;

    @Test
    void anEmptyArticleTakesTitleSummaryBodyAndAuthorFromItsDocument() {
        WorkDraft filled = DraftPrefill.fill(WorkKind.ARTICLE, draft("", ""),
                List.of(document("kitchen.docx", "厨房里的科学小实验", "吴志强", TEXT)));

        assertThat(filled.title()).isEqualTo("厨房里的科学小实验");
        assertThat(filled.summary()).startsWith("紫甘蓝汁遇到白醋会变红");
        assertThat(filled.body()).contains("<p>厨房里的科学</p>").contains("<p>做实验时请家长陪同，不要品尝实验用品。</p>");
        assertThat(filled.bodyFormat()).isEqualTo(WorkDraft.BodyFormat.HTML);
        assertThat(filled.credits()).containsExactly(new Credit(Credit.Role.AUTHOR, "吴志强"));
    }

    @Test
    void whatTheAuthorWroteIsNeverReplaced() {
        WorkDraft written = new WorkDraft("我的标题", "我的摘要", "我的正文", WorkDraft.BodyFormat.MARKDOWN, List.of("health"),
                List.of(), List.of(), List.of(new Credit(Credit.Role.NARRATOR, "配音员")), WorkDraft.Originality.ORIGINAL,
                "CC-BY-4.0", null, List.of(UUID.randomUUID()));

        WorkDraft filled = DraftPrefill.fill(WorkKind.ARTICLE, written, List.of(document("a.docx", "文件标题", "作者", TEXT)));

        assertThat(filled).isEqualTo(written);
    }

    @Test
    void withoutOwnMetadataTheTitleIsTheFileNameUntilProcessingFindsABetterOne() {
        MediaDetails uploading = video("地震来了怎么办.mp4", null);
        WorkDraft first = DraftPrefill.fill(WorkKind.VIDEO, draft("", ""), List.of(uploading));
        assertThat(first.title()).isEqualTo("地震来了怎么办");

        WorkDraft later = DraftPrefill.fill(WorkKind.VIDEO, first, List.of(video("地震来了怎么办.mp4", "地震避险三要点")));
        assertThat(later.title()).isEqualTo("地震避险三要点");

        WorkDraft renamed = draft("作者自己的标题", "");
        assertThat(DraftPrefill.fill(WorkKind.VIDEO, renamed, List.of(video("x.mp4", "容器标题"))).title()).isEqualTo("作者自己的标题");
    }

    @Test
    void aDocumentDoesNotBecomeTheBodyOfAVideoWork() {
        WorkDraft filled = DraftPrefill.fill(WorkKind.VIDEO, draft("标题", ""), List.of(document("a.pdf", null, null, TEXT)));

        assertThat(filled.body()).isEmpty();
    }

    @Test
    void noTitleAndNoMediaIsRefused() {
        assertThatThrownBy(() -> DraftPrefill.fill(WorkKind.ARTICLE, draft("", ""), List.of()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo("work-title-required"));
    }

    @Test
    void aLongFirstParagraphIsCutAtASentenceEnd() {
        String sentence = "这是一句足够长的科普说明文字，用来检验摘要截断的位置是否落在句号上。";
        String paragraph = sentence.repeat(12);

        String summary = DraftPrefill.firstParagraph(paragraph);

        assertThat(summary).hasSizeLessThanOrEqualTo(DraftPrefill.SUMMARY_LENGTH).endsWith("。");
        assertThat(DraftPrefill.firstParagraph("短\n" + "x".repeat(300))).hasSize(DraftPrefill.SUMMARY_LENGTH).endsWith("…");
    }

    private static WorkDraft draft(String title, String summary) {
        return new WorkDraft(title, summary, "", null, List.of("health"), List.of(), List.of(), List.of(),
                WorkDraft.Originality.ORIGINAL, "CC-BY-4.0", null, List.of(UUID.randomUUID()));
    }

    private static MediaDetails document(String name, String title, String author, String text) {
        return new MediaDetails(new MediaAssetId(UUID.randomUUID()), MediaPurpose.DOCUMENT, MediaAssetStatus.PROCESSED, name,
                title, author, null, null, null, null, text, "application/pdf", 1000L);
    }

    private static MediaDetails video(String name, String title) {
        return new MediaDetails(new MediaAssetId(UUID.randomUUID()), MediaPurpose.VIDEO, MediaAssetStatus.PROCESSED, name,
                title, null, null, Duration.ofSeconds(15), 1280, 720, null, "video/mp4", 1000L);
    }
}
