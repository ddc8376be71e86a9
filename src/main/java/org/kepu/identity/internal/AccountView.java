package org.kepu.identity.internal;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.kepu.identity.Role;

/**
 * An account as administrators and society administrators read it.
 *
 * @param oneTimePassword only in the answer that created the account or reset its password, when Kepu chose the
 *                        password: it is shown this once and stored only as a hash
 */
record AccountView(String username, String displayName, String organisation, Set<Role> roles, boolean enabled, boolean demo,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String oneTimePassword) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.displayName(), account.organisation(), account.roles(),
                account.enabled(), account.demo(), null);
    }

    AccountView withOneTimePassword(String password) {
        return new AccountView(username, displayName, organisation, roles, enabled, demo, password);
    }
}
