package org.gonghui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gonghui (工惠): a city trade-union federation's member service platform.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GonghuiApplication {

    public static void main(String[] args) {
        SpringApplication.run(GonghuiApplication.class, args);
    }
}
