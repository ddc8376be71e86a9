package org.kepu.content.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an author submits when creating a work or saving its draft. The title may be left empty when the
 * draft has media: it is then taken from the file's own metadata or name (see {@link DraftPrefill}).
 */
record WorkDraft(
        @Size(max = 200) String title,
        @Size(max = 2000) String summary,
        @Size(max = 500_000) String body,
        BodyFormat bodyFormat,
        @NotNull @Size(min = 1, max = 5) List<@NotBlank String> topics,
        @Size(max = 10) List<@NotBlank String> columns,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 30) List<@Valid Credit> credits,
        @NotNull Originality originality,
        @NotBlank @Size(max = 32) String licence,
        UUID coverAsset,
        @Size(max = 50) List<UUID> mediaAssets) {

    enum BodyFormat {
        HTML, MARKDOWN
    }

    /** 原创, 改编, 转载 (with permission). */
    enum Originality {
        ORIGINAL, ADAPTED, REPRINTED
    }

    WorkDraft {
        title = title == null ? "" : title.strip();
        summary = summary == null ? "" : summary.strip();
        body = body == null ? "" : body;
        bodyFormat = bodyFormat == null ? BodyFormat.HTML : bodyFormat;
        columns = columns == null ? List.of() : columns;
        tags = tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
        credits = credits == null ? List.of() : credits;
        mediaAssets = mediaAssets == null ? List.of() : mediaAssets;
        topics = topics == null ? null : topics.stream().distinct().toList();
    }
}
