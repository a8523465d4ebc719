package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class ThrottledPasswordSignInTests {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final String lockedHash = bcrypt.encode("Right2026pw");
    private final ThrottledPasswordSignIn signIn = new ThrottledPasswordSignIn(
            new SignInThrottle(new SimpleMeterRegistry()), name -> {
                if (name.equals("locked-staff")) {
                    return new CurrentUser(1, name, "Locked", lockedHash, 1L, "/1/", null, EnumSet.of(Role.STAFF),
                            true, true);
                }
                throw new UsernameNotFoundException("no such account");
            }, counting);

    private static Authentication attempt(String name, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    @Test
    void aLockedAccountAndAnUnknownOneAnswerAWrongPasswordAlikeAfterTheSameBcryptWork() {
        checks.set(0);
        assertThatThrownBy(() -> signIn.authenticate(attempt("locked-staff", "guess", "198.51.100.1")))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        int forLocked = checks.getAndSet(0);
        assertThatThrownBy(() -> signIn.authenticate(attempt("nobody-at-all", "guess", "198.51.100.1")))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThat(checks.get()).isEqualTo(forLocked).isEqualTo(1);
    }

    @Test
    void onlyTheRightPasswordLearnsThatTheAccountIsLocked() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("locked-staff", "Right2026pw", "198.51.100.2")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void throttledAttemptsAreNotCheckedAtAll() {
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("nobody-at-all", "guess", "198.51.100.3")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        checks.set(0);
        assertThatThrownBy(() -> signIn.authenticate(attempt("nobody-at-all", "guess", "198.51.100.3")))
                .isInstanceOf(SignInThrottled.class);
        assertThat(checks.get()).isZero();
    }
}
