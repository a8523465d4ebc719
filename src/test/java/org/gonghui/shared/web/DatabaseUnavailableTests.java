package org.gonghui.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/** A database that does not answer (lost connection, restart) gives a clear, localised 503, never a 500. */
class DatabaseUnavailableTests {

    final ErrorAdvice advice = new ErrorAdvice(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/shared");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anApiCallGetsAProblemWithCode503() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        Object answer = advice.databaseUnavailable(new DataAccessResourceFailureException("connection lost"),
                new MockHttpServletRequest("POST", "/api/v1/activities/7/registrations"));

        ResponseEntity<?> response = (ResponseEntity<?>) answer;
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "error.unavailable");
        assertThat(problem.getDetail()).isEqualTo("系统繁忙，请稍后再试");
    }

    @Test
    void aPageGetsTheProblemPageInEnglishWhenAsked() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Object answer = advice.databaseUnavailable(new DataAccessResourceFailureException("connection lost"),
                new MockHttpServletRequest("GET", "/activities/7"));

        ModelAndView page = (ModelAndView) answer;
        assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(page.getModel()).containsEntry("detail", "The service is busy; please try again shortly");
    }
}
