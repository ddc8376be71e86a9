package org.kepu.identity.internal;

import java.util.List;
import java.util.Set;

import org.kepu.identity.Role;

/**
 * One account per role for trying the platform in embedded mode, all with the password
 * {@value #PASSWORD} (documented in the README). The society accounts belong to 市营养学会.
 */
final class DemoAccounts {

    static final String PASSWORD = "kepu-demo-2026";

    private DemoAccounts() {
    }

    static List<NewAccount> all() {
        return List.of(
                account("demo-editor", "演示编辑", null, Role.EDITOR),
                account("demo-reviewer-political", "演示一审员", null, Role.REVIEWER_POLITICAL),
                account("demo-reviewer-scientific", "演示二审专家", null, Role.REVIEWER_SCIENTIFIC),
                account("demo-approver", "演示终审员", null, Role.APPROVER),
                account("demo-society-admin", "演示学会管理员", "nutrition", Role.SOCIETY_ADMIN),
                account("demo-society-member", "演示学会会员", "nutrition", Role.SOCIETY_MEMBER));
    }

    private static NewAccount account(String username, String name, String organisation, Role role) {
        return new NewAccount(username, name, PASSWORD, organisation, Set.of(role));
    }
}
