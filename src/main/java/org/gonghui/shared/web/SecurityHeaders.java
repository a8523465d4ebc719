package org.gonghui.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser policies every answer carries — pages, API answers, error pages and the problems written before
 * Spring MVC ({@link Problems}) alike: a Content-Security-Policy without inline script or style (code in
 * {@code static/js}, styles in {@code static/css}), {@code Referrer-Policy: same-origin} (search URLs can hold
 * personal data) and a Permissions-Policy that turns off the device features the platform never uses.
 */
public final class SecurityHeaders {

    /** Pages: scripts, styles, fonts and connections only from the platform; images also inline ({@code data:}). */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    /** API answers are data, never rendered. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    /** Swagger UI (React) sets inline styles; scripts stay the platform's own. */
    public static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    public static final String REFERRER_POLICY = "same-origin";
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=()";

    private SecurityHeaders() {
    }

    /** The policy for the request's path. */
    public static String policyFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator/")) {
            return API_POLICY;
        }
        if (path.startsWith("/swagger-ui")) {
            return SWAGGER_POLICY;
        }
        return PAGE_POLICY;
    }

    /** Sets the three headers for the request's path (replacing any earlier value). */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        apply(response, policyFor(request));
    }

    /** Sets the three headers with this Content-Security-Policy (replacing any earlier value). */
    public static void apply(HttpServletResponse response, String contentSecurityPolicy) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    }
}
