package org.gonghui.activity.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.gonghui.account.ApiTokens;
import org.gonghui.activity.Registrations;
import org.gonghui.activity.Welfare;
import org.gonghui.shared.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ActivityWebConfiguration {

    /**
     * Registrations for a full activity and claims of a sold-out offer are answered first, before the HTTP
     * observation, the security chain and Spring MVC (their count is the meter
     * {@code gonghui.activity.refused.early}).
     */
    @Bean
    FilterRegistrationBean<EarlyRefusalFilter> earlyRefusalFilter(Registrations registrations, Welfare welfare,
            ApiTokens tokens, Problems problems, JsonMapper json, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new EarlyRefusalFilter(registrations, welfare, tokens,
                problems, json, meters));
        registration.addUrlPatterns(EarlyRefusalFilter.ACTIVITIES + "*", EarlyRefusalFilter.OFFERS + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
