package org.gonghui.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.gonghui.account.ApiTokens;
import org.gonghui.account.OneTimeCodes;
import org.gonghui.account.SignInThrottled;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for API clients: a password (staff user name or member phone) or a member's one-time code
 * gives a bearer token. The same sign-in throttle and audit apply as on the sign-in page.
 */
@RestController
@Tag(name = "Authentication", description = "Bearer tokens for the mobile app and WeChat front ends")
class AuthApiController {

    private final AuthenticationConfiguration authentication;
    private final ApiTokens tokens;
    private final OneTimeCodes codes;
    private final Members members;
    private final MessageSource messages;

    AuthApiController(AuthenticationConfiguration authentication, ApiTokens tokens, OneTimeCodes codes, Members members,
            MessageSource messages) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.codes = codes;
        this.members = members;
        this.messages = messages;
    }

    /** A password sign-in ({@code username} + {@code password}) or a code sign-in ({@code phone} + {@code code}). */
    record TokenRequest(String username, String password, String phone, String code) {
    }

    record TokenResponse(String token, String tokenType, java.time.Instant expiresAt, String displayName,
            java.util.Set<org.gonghui.shared.security.Role> roles) {
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Sign in and get a bearer token (valid 12 hours)")
    TokenResponse token(@RequestBody TokenRequest request, HttpServletRequest http) throws Exception {
        CurrentUser user;
        if (request.code() != null && !request.code().isBlank()) {
            user = codes.verify(request.phone(), request.code(), http.getRemoteAddr());
        } else {
            user = withPassword(request.username() != null ? request.username() : request.phone(), request.password(),
                    http);
        }
        ApiTokens.IssuedToken issued = tokens.issue(user.accountId());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), user.displayName(), user.roles());
    }

    private CurrentUser withPassword(String username, String password, HttpServletRequest http) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username == null ? "" : username,
                password == null ? "" : password);
        attempt.setDetails(new WebAuthenticationDetails(http));
        try {
            return (CurrentUser) manager.authenticate(attempt).getPrincipal();
        } catch (SignInThrottled e) {
            throw e;
        } catch (LockedException e) {
            throw DomainException.forbidden("signin.locked");
        } catch (DisabledException e) {
            throw DomainException.forbidden("signin.disabled");
        } catch (AuthenticationException e) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "signin.failed");
        }
    }

    record CodeRequest(String phone) {
    }

    @PostMapping("/api/v1/auth/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a one-time sign-in code by SMS (answers the same whether or not the phone is a member's)")
    void sendCode(@RequestBody CodeRequest request, HttpServletRequest http) {
        codes.send(request.phone(), http.getRemoteAddr());
    }

    /** Too many attempts from this address: {@code 429} with {@code Retry-After}, whether or not the account exists. */
    @ExceptionHandler(SignInThrottled.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottled e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("signin.throttled", new Object[] {e.retryAfterMinutes()}, locale));
        problem.setTitle(messages.getMessage("error.title.429", null, locale));
        problem.setProperty("code", "signin.throttled");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @DeleteMapping("/api/v1/auth/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the token used for this call")
    void revoke(@RequestHeader(value = "Authorization", required = false) String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).trim());
        }
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in member's own profile (masked)")
    MemberView me(@AuthenticationPrincipal CurrentUser user) {
        return members.find(user.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
    }

    @GetMapping("/api/v1/whoami")
    @Operation(summary = "Who the token belongs to")
    Map<String, Object> whoami(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("username", user.getUsername(), "displayName", user.displayName(), "roles", user.roles(),
                "orgId", user.orgId() == null ? "" : user.orgId());
    }
}
