package org.gonghui.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gonghui.account.ApiTokens;
import jakarta.servlet.ServletException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.HomePage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.gonghui.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Two doors. The API ({@code /api/**}) is stateless with bearer tokens, so CSRF does not apply there. The
 * pages use a session, form sign-in and CSRF tokens on every form. Staff pages need a staff role, portal
 * pages the member role, the audit log the admin role.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/", "/login", "/login/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
            "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui", "/swagger-ui/**", "/swagger-ui.html", "/merchants/apply"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around each security filter, authentication and authorization: HTTP metrics
     * ({@code http.server.requests}) cover every call already, and the wrappers cost a rush more than the filters
     * they wrap.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its default rule for header names, header values and parameter names
     * (no ISO control character, nothing unassigned in Unicode), checked by a loop over the code points instead of a
     * regular expression on every header read — a fifth of the CPU of an API call under a rush.
     */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedParameterNames(SecurityConfiguration::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /** Every code point is assigned in Unicode and none is an ISO control character. */
    static boolean assignedAndNotControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Bodies sent without signing in are small, and refused before they are read when they are not. */
    @Bean
    FilterRegistrationBean<AnonymousBodyLimit> anonymousBodyLimit(Problems problems) {
        var registration = new FilterRegistrationBean<>(new AnonymousBodyLimit(problems));
        registration.addUrlPatterns("/api/v1/auth/*", "/login", "/login/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Prometheus scrapes with HTTP Basic as the one metrics account ({@link MetricsScrape}); the metrics name URIs,
     * exception types and the data directory, so nobody else reads them.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${gonghui.metrics.username:prometheus}") String username,
            @Value("${gonghui.metrics.password:}") String password) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(MetricsScrape.ROLE))
                .authenticationManager(new MetricsScrape(username, password))
                .httpBasic(basic -> basic.realmName("gonghui-metrics"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Problems problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        .requestMatchers("/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/me/**").hasRole("MEMBER")
                        .requestMatchers("/api/v1/organisations/**", "/api/v1/members/**", "/api/v1/accounts/**")
                        .hasAnyRole("ADMIN", "STAFF", "REVIEWER")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless bearer calls: no saved request to resume, no form logout (tokens are revoked by API)
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, (request, response) -> problems.write(request, response,
                        HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable")),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/console/audit/**").hasRole("ADMIN")
                        .requestMatchers("/console/**").hasAnyRole("ADMIN", "STAFF", "REVIEWER")
                        .requestMatchers("/me/**", "/card", "/card/**").hasRole("MEMBER")
                        .requestMatchers("/help", "/help/**").hasRole("MEMBER")
                        .requestMatchers("/news", "/news/**").hasRole("MEMBER")
                        .requestMatchers("/merchant/**").hasRole("MERCHANT")
                        // the member's activity pages; staff may look at them too (a lottery's published draw)
                        .requestMatchers("/activities/**").hasAnyRole("MEMBER", "ADMIN", "STAFF", "REVIEWER")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(form -> form.loginPage("/login").successHandler(new HomeByRole())
                        .failureHandler(new SignInFailures()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new ElsewhereByRole()))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** After sign-in: back to the page asked for, else to the account's home page (see {@link HomePage}). */
    static final class HomeByRole implements AuthenticationSuccessHandler {
        private final RequestCache cache = new HttpSessionRequestCache();
        private final RedirectStrategy redirect = new DefaultRedirectStrategy();

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException {
            SavedRequest saved = cache.getRequest(request, response);
            String target = authentication.getPrincipal() instanceof CurrentUser user ? HomePage.of(user) : HomePage.PORTAL;
            if (saved != null) {
                target = saved.getRedirectUrl();
                cache.removeRequest(request, response);
            }
            var session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
            redirect.sendRedirect(request, response, target);
        }
    }

    /**
     * A signed-in user who opens a page meant for another kind of account (a merchant opening {@code /me}, a member
     * opening the console) is sent to their own home page rather than shown a refusal under someone else's
     * navigation. Anything else refused — a form post, a staff page above the user's role — is a 403 page.
     */
    static final class ElsewhereByRole implements AccessDeniedHandler {
        private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException, ServletException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                    && CurrentUser.current().isPresent()) {
                String home = HomePage.of(CurrentUser.current().get());
                if (!home.equals(HomePage.areaOf(path))) {
                    response.sendRedirect(request.getContextPath() + home);
                    return;
                }
            }
            refuse.handle(request, response, denied);
        }
    }
}
