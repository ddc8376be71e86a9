package org.kepu.identity.internal;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kepu.identity.Role;

/**
 * A member a society administrator adds to their own society. {@code organisation} and {@code roles} may be left out;
 * when given they must be the administrator's society and {@code SOCIETY_MEMBER}. Without a password Kepu chooses a
 * one-time password and answers it once.
 */
record NewSocietyMember(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{1,63}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @Size(min = 12, max = 200) String password,
        String organisation,
        Set<Role> roles) {

    NewSocietyMember {
        username = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
