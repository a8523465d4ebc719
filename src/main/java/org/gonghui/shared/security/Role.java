package org.gonghui.shared.security;

/**
 * What an account may do. Staff roles are always combined with the account's organisation, which limits
 * what data they see.
 */
public enum Role {
    /** Federation admin (总工会管理员): configures plans and rules, manages staff, reads the audit log. */
    ADMIN,
    /** Union staff (工会工作人员) at one organisation. */
    STAFF,
    /** Reviewer (审核员): reviews claims and requests within the organisation's subtree. */
    REVIEWER,
    /** A union member (职工会员) signed in to the portal. */
    MEMBER,
    /** A merchant (特约商户). */
    MERCHANT;

    public String authority() {
        return "ROLE_" + name();
    }
}
