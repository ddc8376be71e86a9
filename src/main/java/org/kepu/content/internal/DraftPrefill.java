package org.kepu.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kepu.content.WorkKind;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaDetails;
import org.kepu.media.MediaPurpose;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills the empty fields of a draft from what processing found in its media: the title (the file's own
 * title, else its name), the summary (a document's first paragraph), an article's body (a document's
 * text), and the author credit. Fields the author wrote are never touched. A title that is still the
 * file name is replaced once the file's own title is known.
 */
@Component
class DraftPrefill {

    static final int SUMMARY_LENGTH = 200;
    private static final int TITLE_LENGTH = 200;
    private static final int CREDIT_LENGTH = 100;

    private final MediaAssets media;

    DraftPrefill(MediaAssets media) {
        this.media = media;
    }

    Mono<WorkDraft> fill(WorkKind kind, WorkDraft draft) {
        return Flux.fromIterable(draft.mediaAssets())
                .concatMap(id -> media.details(new MediaAssetId(id)))
                .collectList()
                .map(details -> fill(kind, draft, details));
    }

    static WorkDraft fill(WorkKind kind, WorkDraft draft, List<MediaDetails> details) {
        String title = title(draft.title(), details);
        if (title.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-title-required");
        }
        String summary = draft.summary().isBlank() ? documentText(details).map(DraftPrefill::firstParagraph).orElse("") : draft.summary();
        String body = draft.body();
        WorkDraft.BodyFormat format = draft.bodyFormat();
        if (kind == WorkKind.ARTICLE && body.isBlank()) {
            Optional<String> text = documentText(details);
            if (text.isPresent()) {
                body = paragraphsAsHtml(text.get());
                format = WorkDraft.BodyFormat.HTML;
            }
        }
        List<Credit> credits = draft.credits();
        if (credits.isEmpty()) {
            credits = details.stream().map(MediaDetails::author).filter(author -> author != null && !author.isBlank())
                    .findFirst().map(author -> List.of(new Credit(Credit.Role.AUTHOR, cut(author, CREDIT_LENGTH)))).orElse(List.of());
        }
        return new WorkDraft(title, summary, body, format, draft.topics(), draft.columns(), draft.tags(), credits,
                draft.originality(), draft.licence(), draft.coverAsset(), draft.mediaAssets());
    }

    private static String title(String written, List<MediaDetails> details) {
        for (MediaDetails asset : details) {
            boolean fromFileName = written.isBlank() || written.equals(fileStem(asset.originalName()));
            if (fromFileName && asset.title() != null) {
                return cut(asset.title(), TITLE_LENGTH);
            }
        }
        if (written.isBlank() && !details.isEmpty()) {
            return cut(fileStem(details.get(0).originalName()), TITLE_LENGTH);
        }
        return written;
    }

    static String fileStem(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName).strip();
    }

    private static Optional<String> documentText(List<MediaDetails> details) {
        return details.stream()
                .filter(asset -> asset.purpose() == MediaPurpose.DOCUMENT && asset.text() != null && !asset.text().isBlank())
                .map(MediaDetails::text)
                .findFirst();
    }

    /** The first paragraph that says something (a document often opens with its own title), cut at a sentence end. */
    static String firstParagraph(String text) {
        List<String> paragraphs = paragraphs(text);
        String chosen = paragraphs.stream().filter(paragraph -> paragraph.length() >= 20).findFirst()
                .orElse(paragraphs.isEmpty() ? "" : paragraphs.get(0));
        if (chosen.length() <= SUMMARY_LENGTH) {
            return chosen;
        }
        String head = chosen.substring(0, SUMMARY_LENGTH - 1);
        int sentenceEnd = Math.max(head.lastIndexOf('。'), Math.max(head.lastIndexOf('！'), head.lastIndexOf('？')));
        return sentenceEnd >= SUMMARY_LENGTH / 2 ? head.substring(0, sentenceEnd + 1) : head + "…";
    }

    static String paragraphsAsHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : paragraphs(text)) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8")).append("</p>\n");
        }
        return html.toString();
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String paragraph = line.strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    private static String cut(String value, int length) {
        String stripped = value.strip();
        return stripped.length() <= length ? stripped : stripped.substring(0, length);
    }
}
