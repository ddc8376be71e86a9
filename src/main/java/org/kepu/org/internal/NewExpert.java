package org.kepu.org.internal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record NewExpert(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
                 @Size(max = 20) List<@NotBlank @Size(max = 100) String> fields,
                 @Size(max = 20) List<@NotBlank @Size(max = 64) String> topics, String organisation,
                 @Size(max = 64) String account) {

    NewExpert {
        title = title == null ? "" : title.strip();
        fields = fields == null ? List.of() : fields;
        topics = topics == null ? List.of() : topics;
        organisation = organisation == null || organisation.isBlank() ? null : organisation;
        account = account == null || account.isBlank() ? null : account.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
