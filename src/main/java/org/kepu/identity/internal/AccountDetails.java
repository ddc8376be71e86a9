package org.kepu.identity.internal;

import org.kepu.identity.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security's view of an account, carrying the {@link Actor} other modules ask for. */
final class AccountDetails extends User implements Actor.Holder {

    private final transient Actor actor;

    AccountDetails(Account account) {
        super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.actor = new Actor(account.username(), account.roles(), account.organisation());
    }

    /** The account as the signed-in principal of a request. */
    static Authentication authentication(Account account) {
        AccountDetails details = new AccountDetails(account);
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }

    @Override
    public Actor actor() {
        return actor;
    }
}
