package org.gonghui.account.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gonghui.account.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls carrying {@code Authorization: Bearer <token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Answers a call whose token could not be checked because the database did not answer. */
    interface Unavailable {
        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final ApiTokens tokens;
    private final Unavailable unavailable;

    BearerTokenFilter(ApiTokens tokens, Unavailable unavailable) {
        this.tokens = tokens;
        this.unavailable = unavailable;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            java.util.Optional<org.gonghui.shared.security.CurrentUser> found;
            try {
                found = tokens.authenticate(header.substring(7).trim());
            } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
                unavailable.answer(request, response);
                return;
            }
            found.ifPresent(user -> {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
