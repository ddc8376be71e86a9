package org.kepu.content.internal;

import java.security.Principal;
import java.time.OffsetDateTime;

import org.kepu.platform.ScheduleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Column (专栏) management for editors: every column, hidden ones included, in display order. */
@RestController
@RequestMapping("/api/columns")
class ColumnsController {

    /** Times in the configured zone (+08:00); {@code visibleNow}: whether the public site lists it at this moment. */
    record ColumnView(String slug, String name, String description, boolean pinned, int position, OffsetDateTime visibleFrom,
                      OffsetDateTime visibleUntil, boolean visibleNow, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    private final ColumnsTable columns;
    private final ColumnEditor editor;
    private final ScheduleProperties schedule;

    ColumnsController(ColumnsTable columns, ColumnEditor editor, ScheduleProperties schedule) {
        this.columns = columns;
        this.editor = editor;
        this.schedule = schedule;
    }

    @GetMapping
    Flux<ColumnView> all() {
        return columns.columns().map(this::view);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ColumnView> create(@RequestBody ColumnEditor.NewColumn column, Principal editorAccount) {
        return editor.create(column, editorAccount.getName()).map(this::view);
    }

    @PutMapping("/order")
    Flux<ColumnView> reorder(@RequestBody ColumnEditor.Order order, Principal editorAccount) {
        return editor.reorder(order, editorAccount.getName()).thenMany(Flux.defer(() -> columns.columns().map(this::view)));
    }

    @PutMapping("/{slug}")
    Mono<ColumnView> update(@PathVariable String slug, @RequestBody ColumnEditor.ColumnChange change, Principal editorAccount) {
        return editor.update(slug, change, editorAccount.getName()).map(this::view);
    }

    private ColumnView view(ColumnsTable.Column column) {
        return new ColumnView(column.slug(), column.name(), column.description(), column.pinned(), column.position(),
                schedule.shown(column.visibleFrom()), schedule.shown(column.visibleUntil()), column.visibleAt(OffsetDateTime.now()),
                schedule.shown(column.createdAt()), schedule.shown(column.updatedAt()));
    }
}
