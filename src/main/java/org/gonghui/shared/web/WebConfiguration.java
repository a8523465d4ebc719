package org.gonghui.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default; {@code ?lang=en} (or {@code zh}) switches and is remembered in a cookie. The API
 * follows {@code Accept-Language} when no cookie is set.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Request mapping that remembers the handler of each request shape (see {@link ShapeCachingHandlerMapping}). */
    @Bean
    org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations shapeCachingMappings() {
        return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
            @Override
            public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping
                    getRequestMappingHandlerMapping() {
                return new ShapeCachingHandlerMapping();
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("GONGHUI_LANG");
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header != null && header.toLowerCase(Locale.ROOT).startsWith("en")) {
                return Locale.ENGLISH;
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** The browser policies on every answer, first of all filters and again on error pages. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
                jakarta.servlet.DispatcherType.FORWARD);
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    Problems problems(org.springframework.context.MessageSource messages, LocaleResolver locales) {
        return new Problems(messages, locales);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
