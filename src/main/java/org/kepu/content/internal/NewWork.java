package org.kepu.content.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.kepu.content.WorkKind;

/** A new work: its kind and owner never change; the draft is its first revision. */
record NewWork(@NotNull WorkKind kind, @NotBlank String organisation, @NotNull @Valid WorkDraft draft) {
}
