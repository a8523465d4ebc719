package org.gonghui.account;

import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed password sign-ins, resets the count on success, and audits both. */
@Component
class SignInEvents {

    private final AccountUserDetailsService lookup;
    private final Accounts accounts;
    private final AuditLog audit;

    SignInEvents(AccountUserDetailsService lookup, Accounts accounts, AuditLog audit) {
        this.lookup = lookup;
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            accounts.recordSignIn(user.accountId(), true);
            audit.record(user.getUsername(), user.orgId(), "sign-in", "account", user.accountId(), null);
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof SignInThrottled) {
            // refused before any check: counted by the throttle's meter, not written to the audit log one by one
            return;
        }
        String typed = String.valueOf(event.getAuthentication().getPrincipal());
        var account = lookup.find(typed);
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            account.ifPresent(a -> accounts.recordSignIn(a.id(), false));
        }
        audit.record(account.map(Account::username).orElse("unknown"), null, "sign-in.failed", "account",
                account.map(Account::id).orElse(null), event.getException().getClass().getSimpleName());
    }
}
