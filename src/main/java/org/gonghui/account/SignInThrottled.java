package org.gonghui.account;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed attempts from this address (for this account, or for any): refused before anything is checked.
 * The same answer whether or not the account exists. An {@link AuthenticationException}, so form sign-in passes it
 * to its failure handler.
 */
public class SignInThrottled extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottled(long retryAfterSeconds) {
        super("too many sign-in attempts; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the next attempt can be taken (at least 1): the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same, in whole minutes (at least 1), for messages. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds + 59) / 60);
    }
}
