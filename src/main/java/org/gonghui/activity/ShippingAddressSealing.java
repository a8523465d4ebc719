package org.gonghui.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Migration 5.5: the recipient's phone and the mailing address of a DIY kit are personal data and are stored
 * sealed from now on. Widens the two columns for the sealed form and seals what was stored in the clear before.
 * A Flyway migration (run once, in the migration's transaction) because only the application holds the key.
 */
@Component
class ShippingAddressSealing implements JavaMigration {

    private static final int BATCH = 500;

    private final PersonalDataCipher cipher;

    ShippingAddressSealing(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5.5");
    }

    @Override
    public String getDescription() {
        return "seal shipping addresses";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table registration alter column recipient_phone set data type varchar(100)");
            s.execute("alter table registration alter column address set data type varchar(2000)");
        }
        record Row(long id, String phone, String address) {
        }
        long after = 0;
        while (true) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select id, recipient_phone, address from registration
                    where id > ? and (recipient_phone is not null or address is not null)
                    order by id fetch first %d rows only""".formatted(BATCH))) {
                q.setLong(1, after);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement u = c.prepareStatement(
                    "update registration set recipient_phone = ?, address = ? where id = ?")) {
                for (Row r : rows) {
                    if (inClear(r.phone()) || inClear(r.address())) {
                        u.setString(1, inClear(r.phone()) ? cipher.encrypt(r.phone()) : r.phone());
                        u.setString(2, inClear(r.address()) ? cipher.encrypt(r.address()) : r.address());
                        u.setLong(3, r.id());
                        u.addBatch();
                    }
                }
                u.executeBatch();
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    private static boolean inClear(String value) {
        return value != null && !value.startsWith(PersonalDataCipher.SEALED);
    }
}
