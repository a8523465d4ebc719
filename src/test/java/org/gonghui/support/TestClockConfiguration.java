package org.gonghui.support;

import java.time.Clock;
import org.gonghui.shared.GonghuiProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The one test-only bean of the shared context: a {@link TestClock} every "now" of the platform comes from. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock(GonghuiProperties properties) {
        return new TestClock(Clock.system(properties.zone()));
    }
}
