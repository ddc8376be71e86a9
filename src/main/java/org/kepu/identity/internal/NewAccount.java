package org.kepu.identity.internal;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kepu.identity.Role;

/**
 * An account an administrator creates. Society roles need the society's slug. Without a password Kepu chooses a
 * one-time password and answers it once.
 */
record NewAccount(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{1,63}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @Size(min = 12, max = 200) String password,
        String organisation,
        @NotEmpty Set<Role> roles) {

    NewAccount {
        username = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
    }
}
