package org.gonghui.scaledata;

import java.util.List;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Runs the search benchmark once the platform has started ({@code benchsearch} profile), prints it and exits. */
@Component
@Profile("benchsearch")
class SearchBenchmarkRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchBenchmarkRunner.class);
    private static final double TARGET_P95_MILLIS = 50;

    private final SearchBenchmark benchmark;
    private final ConfigurableApplicationContext context;

    SearchBenchmarkRunner(SearchBenchmarkProperties properties, Members members, Organisations organisations,
            JdbcTemplate jdbc, PersonalDataCipher cipher, Environment environment, ConfigurableApplicationContext context) {
        this.benchmark = new SearchBenchmark(properties, members, organisations, jdbc, cipher, environment);
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode = 0;
        try {
            print(benchmark.run());
        } catch (Exception e) {
            log.error("Search benchmark failed", e);
            exitCode = 1;
        }
        int code = exitCode;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private static void print(List<SearchBenchmark.Result> results) {
        System.out.println();
        System.out.printf("%-8s %-30s %-30s %6s %9s %9s %9s %6s  %s%n", "via", "scope (active members)", "query", "n",
                "median", "p95", "max", "rows", "p95 < 50 ms");
        for (SearchBenchmark.Result r : results) {
            System.out.printf("%-8s %-30s %-30s %6d %6.1f ms %6.1f ms %6.1f ms %6.1f  %s%n", r.frontDoor(),
                    r.scope() + " (" + String.format("%,d", r.scopeMembers()) + ")", r.query(), r.queries(),
                    r.medianMillis(), r.p95Millis(), r.maxMillis(), r.averageRows(),
                    r.p95Millis() < TARGET_P95_MILLIS ? "yes" : "NO");
        }
    }
}
