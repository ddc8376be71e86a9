package org.kepu.identity.internal;

import java.util.Set;
import java.util.UUID;

import org.kepu.identity.Role;

/** A stored account; {@code organisation} is the slug of its society, or null for association staff. */
record Account(UUID id, String username, String displayName, String passwordHash, String organisation, boolean enabled,
               boolean demo, Set<Role> roles) {
}
