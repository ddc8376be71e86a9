package org.kepu.review.internal;

import java.security.Principal;
import java.util.List;

import org.kepu.platform.ProblemException;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenedField;
import org.kepu.review.SensitiveWordScreen;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dictionary for administrators (the security rules give {@code /api/admin/**} to ADMIN only). */
@RestController
@RequestMapping("/api/admin/review/sensitive-words")
class SensitiveWordsController {

    record NewWord(String word, String level, String note) {
    }

    /** A text to try the screen on; {@code html: true} screens it as an article body. */
    record Check(String text, Boolean html) {
    }

    record CheckResult(boolean blocked, List<ScreenHit> hits) {
    }

    private final SensitiveWordsTable table;
    private final DictionaryEditor editor;
    private final SensitiveWordScreen screen;
    private final ScreenProperties properties;

    SensitiveWordsController(SensitiveWordsTable table, DictionaryEditor editor, SensitiveWordScreen screen,
                             ScreenProperties properties) {
        this.table = table;
        this.editor = editor;
        this.screen = screen;
        this.properties = properties;
    }

    @GetMapping
    Flux<SensitiveWord> list(@RequestParam(required = false) String level) {
        if (level == null || level.isBlank()) {
            return table.live();
        }
        return table.live(WordLevel.parse(level).orElseThrow(() ->
                new ProblemException(HttpStatus.BAD_REQUEST, "sensitive-word-level-unknown", level)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SensitiveWord> add(@RequestBody NewWord word, Principal admin) {
        return editor.add(word.word(), word.level(), word.note(), admin.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable long id, Principal admin) {
        return editor.delete(id, admin.getName());
    }

    @PostMapping("/check")
    Mono<CheckResult> check(@RequestBody Check check) {
        if (check.text() == null || check.text().isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "screen-text-blank");
        }
        if (check.text().length() > properties.maxCheckChars()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "screen-text-too-long", properties.maxCheckChars());
        }
        ScreenedField field = Boolean.TRUE.equals(check.html()) ? ScreenedField.html("text", check.text()) : ScreenedField.plain("text", check.text());
        return screen.screen(List.of(field)).map(result -> new CheckResult(result.blocked(), result.hits()));
    }
}
