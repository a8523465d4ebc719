package org.gonghui.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** Chooses the test database from the {@code test.db} system property: {@code h2} (default) or {@code postgres}. */
public class TestDatabase implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return isPostgres() ? new String[] {"test", "test-postgres"} : new String[] {"test"};
    }

    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("test.db", "h2"));
    }
}
