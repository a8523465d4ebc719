package org.gonghui.account;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in, for the sign-in form and the API alike, behind the {@link SignInThrottle}. Whether the account
 * exists, is disabled or is locked by an administrator is told only to someone who gave its right password: an
 * unknown name costs the same bcrypt check (against a dummy hash) and gets the same answer as a wrong password.
 */
@Component
class ThrottledPasswordSignIn implements AuthenticationProvider {

    private final SignInThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    ThrottledPasswordSignIn(SignInThrottle throttle, UserDetailsService accounts, PasswordEncoder encoder) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        // the account's state is checked only after its password (never before, which would tell it exists)
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        SignInThrottle.Attempt attempt = throttle.attempt(SignInThrottle.Door.PASSWORD,
                String.valueOf(authentication.getPrincipal()), address);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException | UsernameNotFoundException e) {
            throw e;
        } catch (AuthenticationException e) {
            // right password, account disabled or locked: not a guess
            attempt.succeeded();
            throw e;
        } catch (RuntimeException e) {
            attempt.notChecked();
            throw e;
        }
        attempt.succeeded();
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
