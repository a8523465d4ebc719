package org.gonghui.account.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gonghui.account.SignInThrottled;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed form sign-in: back to the sign-in page with the reason ({@code /login?error}), or — refused by the
 * throttle — the sign-in page at once with {@code 429} and {@code Retry-After}.
 */
final class SignInFailures implements AuthenticationFailureHandler {

    static final String THROTTLED = "/login/throttled";

    private final AuthenticationFailureHandler otherwise = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof SignInThrottled throttled) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            request.setAttribute(THROTTLED, exception);
            request.getRequestDispatcher(THROTTLED).forward(request, response);
            return;
        }
        otherwise.onAuthenticationFailure(request, response, exception);
    }
}
