/**
 * Staff and member accounts: sign-in by password or one-time code, lockout, password policy, API tokens,
 * and the data scope every request carries ({@link org.gonghui.shared.security.CurrentUser}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.gonghui.account;
