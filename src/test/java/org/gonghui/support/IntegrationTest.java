package org.gonghui.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application on a random port with MockMvc, against H2 or — with {@code -Dtest.db=postgres} —
 * PostgreSQL. Every integration and browser test uses exactly this configuration, so they share one
 * Spring context (and one demo data load) per run. Its clock is the {@link TestClock}, which tests may move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestDatabase.class)
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {
}
