package db.migration.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * After V9_2 carried mutual aid's payout batches and payout rows over with their ids: the identity columns of
 * {@code payment_batch} and {@code payment_line} continue after the highest id (a literal in H2, which takes no
 * expression in {@code RESTART WITH}; the same statement works on PostgreSQL).
 */
public class V9_3__payment_identities extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (String table : new String[] {"payment_batch", "payment_line"}) {
            long next;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("alter table " + table + " alter column id restart with " + next);
            }
        }
    }
}
