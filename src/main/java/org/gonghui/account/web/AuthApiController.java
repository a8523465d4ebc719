package org.gonghui.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.gonghui.account.ApiTokens;
import org.gonghui.account.OneTimeCodes;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for API clients: a password (staff user name or member phone) or a member's one-time code
 * gives a bearer token. The same lockout and audit apply as on the sign-in page.
 */
@RestController
@Tag(name = "Authentication", description = "Bearer tokens for the mobile app and WeChat front ends")
class AuthApiController {

    private final AuthenticationConfiguration authentication;
    private final ApiTokens tokens;
    private final OneTimeCodes codes;
    private final Members members;

    AuthApiController(AuthenticationConfiguration authentication, ApiTokens tokens, OneTimeCodes codes, Members members) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.codes = codes;
        this.members = members;
    }

    /** A password sign-in ({@code username} + {@code password}) or a code sign-in ({@code phone} + {@code code}). */
    record TokenRequest(String username, String password, String phone, String code) {
    }

    record TokenResponse(String token, String tokenType, java.time.Instant expiresAt, String displayName,
            java.util.Set<org.gonghui.shared.security.Role> roles) {
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Sign in and get a bearer token (valid 12 hours)")
    TokenResponse token(@RequestBody TokenRequest request) throws Exception {
        CurrentUser user;
        if (request.code() != null && !request.code().isBlank()) {
            user = codes.verify(request.phone(), request.code());
        } else {
            user = withPassword(request.username() != null ? request.username() : request.phone(), request.password());
        }
        ApiTokens.IssuedToken issued = tokens.issue(user.accountId());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), user.displayName(), user.roles());
    }

    private CurrentUser withPassword(String username, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        try {
            var result = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    username == null ? "" : username, password == null ? "" : password));
            return (CurrentUser) result.getPrincipal();
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
    void sendCode(@RequestBody CodeRequest request) {
        codes.send(request.phone());
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
