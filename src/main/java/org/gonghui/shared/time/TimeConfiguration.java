package org.gonghui.shared.time;

import java.time.Clock;
import org.gonghui.shared.GonghuiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform clock, in the configured zone, and {@code #times} for templates. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock platformClock(GonghuiProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    TimesDialect timesDialect(PlatformTime time) {
        return new TimesDialect(time);
    }
}
