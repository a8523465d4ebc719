package org.gonghui.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    /** The development sender, unless the deployment defines its own {@link SmsSender}. */
    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    LoggingSmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }
}
