package org.gonghui.activity.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.gonghui.account.ApiTokens;
import org.gonghui.activity.Registrations;
import org.gonghui.shared.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ActivityWebConfiguration {

    /**
     * Registrations for a full activity are answered first, before the HTTP observation, the security chain and
     * Spring MVC (their count is the meter {@code gonghui.activity.refused.early}).
     */
    @Bean
    FilterRegistrationBean<FullActivityFilter> fullActivityFilter(Registrations registrations, ApiTokens tokens,
            Problems problems, JsonMapper json, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new FullActivityFilter(registrations, tokens, problems, json,
                meters));
        registration.addUrlPatterns(FullActivityFilter.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
