package org.kepu.review;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The automatic first step of the review chain: finds the words of the association's dictionary in
 * a work's text. A {@link ScreenLevel#BLOCK BLOCK} hit stops the work; a {@link ScreenLevel#FLAG FLAG}
 * hit is shown to the reviewers as a warning. Screening is CPU work and never runs on the caller's
 * thread.
 */
public interface SensitiveWordScreen {

    /** Screens the fields in order; hits name the field they were found in. */
    Mono<ScreenResult> screen(List<ScreenedField> fields);

    /** Screens one plain text, reported as field {@code text}. */
    default Mono<ScreenResult> screen(String text) {
        return screen(List.of(ScreenedField.plain("text", text)));
    }
}
