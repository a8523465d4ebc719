package org.gonghui.account.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The one account that may read {@code /actuator/prometheus} (HTTP Basic): {@code gonghui.metrics.username} and
 * {@code gonghui.metrics.password}. Kept apart from staff and member accounts, so a scraper's secret opens nothing
 * else and no person's account opens the metrics. Without a password (the default) every scrape is refused.
 */
final class MetricsScrape implements AuthenticationManager {

    static final String ROLE = "METRICS";

    private final byte[] username;
    private final byte[] password;

    MetricsScrape(String username, String password) {
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] givenName = String.valueOf(authentication.getPrincipal()).getBytes(StandardCharsets.UTF_8);
        byte[] givenPassword = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
        // both compared every time, in constant time
        boolean nameMatches = MessageDigest.isEqual(givenName, username);
        boolean passwordMatches = MessageDigest.isEqual(givenPassword, password);
        if (password.length == 0 || !nameMatches || !passwordMatches) {
            throw new BadCredentialsException("metrics scrape refused");
        }
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }
}
