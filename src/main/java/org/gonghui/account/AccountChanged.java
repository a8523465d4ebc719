package org.gonghui.account;

/**
 * An account's standing changed — enabled or disabled, unlocked, its password reset, one of its API tokens revoked:
 * every instance drops the principals of its tokens it keeps, so the next call is checked against the database.
 */
public record AccountChanged(long accountId) {
}
