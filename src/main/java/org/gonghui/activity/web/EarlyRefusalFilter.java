package org.gonghui.activity.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.gonghui.account.ApiTokens;
import org.gonghui.activity.Registrations;
import org.gonghui.activity.Welfare;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.Problems;
import org.gonghui.shared.web.ReplayedBody;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the crowd that keeps pressing after everything is gone, before the servlet stack: once every place of
 * an open, first-come activity is held (or every voucher of an open offer is claimed), a member's registration
 * gets {@code 409 activity.refused.full} (a claim {@code 409 welfare.refused.sold-out}) — the same problem detail
 * the controller would give — from memory, without Spring Security's chain, Spring MVC or the database.
 *
 * <p>It answers only when the answer cannot depend on anything else: a live member token (from the token cache),
 * the member's facts (those in memory however old, else looked up once: they only choose between two refusals —
 * with several instances the member's page may have been served by another one) and inside the activity's
 * part of the tree, no query string (which could change the language), and for a registration no request for
 * the waitlist in the body. Everything else — and every activity with a place left — goes the normal way, with
 * the body replayed untouched.
 */
class EarlyRefusalFilter extends OncePerRequestFilter {

    static final String ACTIVITIES = "/api/v1/activities/";
    static final String REGISTRATIONS = "/registrations";
    static final String OFFERS = "/api/v1/vouchers/offers/";
    static final String CLAIMS = "/claims";
    private static final int MAX_BODY = 8 * 1024;

    private final Registrations registrations;
    private final Welfare welfare;
    private final ApiTokens tokens;
    private final Problems problems;
    private final JsonMapper json;
    private final Counter fullActivity;
    private final Counter soldOut;

    EarlyRefusalFilter(Registrations registrations, Welfare welfare, ApiTokens tokens, Problems problems,
            JsonMapper json, MeterRegistry meters) {
        this.registrations = registrations;
        this.welfare = welfare;
        this.tokens = tokens;
        this.problems = problems;
        this.json = json;
        this.fullActivity = early(meters, "registration");
        this.soldOut = early(meters, "voucher");
    }

    private static Counter early(MeterRegistry meters, String kind) {
        return Counter.builder("gonghui.activity.refused.early").tag("kind", kind)
                .description("registrations for a full activity and claims of a sold-out offer answered before the"
                        + " servlet stack").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || request.getQueryString() != null) {
            chain.doFilter(request, response);
            return;
        }
        String uri = request.getRequestURI();
        // the bearer token is checked only once the activity or offer is found full: a registration that may get a
        // place goes on to the security chain, which checks it anyway
        long offerId = idBetween(uri, OFFERS, CLAIMS);
        if (offerId >= 0) {
            Optional<String> refusal = welfare.refusalWhenSoldOut(offerId, () -> memberOf(request));
            if (refusal.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            soldOut.increment();
            Problems.write(response, HttpStatus.CONFLICT, problems.json(request, HttpStatus.CONFLICT, refusal.get()));
            return;
        }
        long activityId = idBetween(uri, ACTIVITIES, REGISTRATIONS);
        Optional<String> refusal = activityId < 0 ? Optional.empty()
                : registrations.refusalWhenFull(activityId, () -> memberOf(request));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length < 0 && request.getHeader("Transfer-Encoding") == null) {
            length = 0; // HTTP/1.1: neither a length nor chunks means no body
        }
        if (length < 0 || length > MAX_BODY) {
            chain.doFilter(request, response);
            return;
        }
        if (length > 0) {
            byte[] body = request.getInputStream().readNBytes((int) length);
            if (!isJson(request) || asksForWaitlist(body)) {
                chain.doFilter(new ReplayedBody(request, body), response);
                return;
            }
        }
        fullActivity.increment();
        Problems.write(response, HttpStatus.CONFLICT, problems.json(request, HttpStatus.CONFLICT, refusal.get()));
    }

    /** The number in {@code prefix + number + suffix}, else -1. */
    static long idBetween(String uri, String prefix, String suffix) {
        int end = uri.length() - suffix.length();
        if (end <= prefix.length() || end - prefix.length() > 18 || !uri.startsWith(prefix) || !uri.endsWith(suffix)) {
            return -1;
        }
        long id = 0;
        for (int i = prefix.length(); i < end; i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /** The member behind a live bearer token, else -1 (the security chain then answers as usual). */
    private long memberOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return -1;
        }
        try {
            return tokens.authenticate(header.substring(7).trim()).filter(CurrentUser::isMember)
                    .map(CurrentUser::memberId).orElse(-1L);
        } catch (RuntimeException e) {
            // the token could not be checked (database): the security chain answers that
            return -1;
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/json", 0, 16);
    }

    /**
     * Whether the body may ask for the waitlist. A body that is not a JSON object, or whose {@code waitlist} is
     * not plainly true or false, counts as asking: the normal way reads it (and answers 400 if it is bad).
     */
    private boolean asksForWaitlist(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                return true;
            }
            JsonNode waitlist = node.get("waitlist");
            return waitlist != null && !waitlist.isNull() && (!waitlist.isBoolean() || waitlist.booleanValue());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
