package org.gonghui.scaledata;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Runs the scale-data load once at start-up ({@code scaledata} profile), prints the timings and exits. */
@Component
@Profile("scaledata")
class ScaleDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScaleDataRunner.class);

    private final ScaleDataLoader loader;
    private final ConfigurableApplicationContext context;

    ScaleDataRunner(ScaleDataLoader loader, ConfigurableApplicationContext context) {
        this.loader = loader;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode = 0;
        try {
            long started = System.nanoTime();
            Map<String, Long> phases = loader.load();
            System.out.println();
            System.out.println("Scale data loaded:");
            phases.forEach((phase, millis) -> System.out.printf("  %-60s %,10d ms%n", phase, millis));
            System.out.printf("  %-60s %,10d ms%n", "total", (System.nanoTime() - started) / 1_000_000);
            System.out.printf("Staff accounts admin (city), haishu (district), nanmen (township), password %s%n",
                    ScaleDataLoader.STAFF_PASSWORD);
        } catch (Exception e) {
            log.error("Scale data load failed", e);
            exitCode = 1;
        }
        int code = exitCode;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
