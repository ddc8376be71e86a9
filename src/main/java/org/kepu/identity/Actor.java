package org.kepu.identity;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in account behind a request, as other modules need it: who, in which roles, for which
 * organisation (the slug of a society, or null for association staff).
 */
public record Actor(String username, Set<Role> roles, String organisation) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Association staff who act for every organisation. */
    public boolean isStaff() {
        return has(Role.ADMIN) || has(Role.EDITOR);
    }

    public boolean reviews() {
        return has(Role.REVIEWER_POLITICAL) || has(Role.REVIEWER_SCIENTIFIC) || has(Role.APPROVER);
    }

    /** May create and edit works owned by {@code organisationSlug}. */
    public boolean editsFor(String organisationSlug) {
        return isStaff() || ((has(Role.SOCIETY_ADMIN) || has(Role.SOCIETY_MEMBER)) && organisationSlug.equals(organisation));
    }

    /** May read (unpublished) works owned by {@code organisationSlug}. */
    public boolean readsFor(String organisationSlug) {
        return editsFor(organisationSlug) || reviews();
    }

    public static Actor of(Principal principal) {
        if (principal instanceof Authentication authentication) {
            if (authentication.getPrincipal() instanceof Holder holder) {
                return holder.actor();
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (GrantedAuthority granted : authentication.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (("ROLE_" + role.name()).equals(granted.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
            return new Actor(authentication.getName(), roles, null);
        }
        return new Actor(principal.getName(), Set.of(), null);
    }

    /** Implemented by the identity module's principal. */
    public interface Holder {
        Actor actor();
    }
}
