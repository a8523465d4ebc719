package org.gonghui.scaledata;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams one range of the population into the member and history tables through two COPY statements
 * on two connections at once (each is its own transaction: a failed range leaves nothing behind).
 */
final class MemberCopy {

    /** Flush to the server every 256 KB of text. */
    private static final int FLUSH_AT = 256 * 1024;

    private final DataSource dataSource;
    private final Population population;
    private final MemberRows rows;

    MemberCopy(DataSource dataSource, Population population, MemberRows rows) {
        this.dataSource = dataSource;
        this.population = population;
        this.rows = rows;
    }

    /** Writes members {@code from} (inclusive) to {@code to} (exclusive); returns how many. */
    int write(int from, int to) throws SQLException {
        try (Connection memberConnection = dataSource.getConnection();
                Connection historyConnection = dataSource.getConnection()) {
            CopyIn members = copy(memberConnection, MemberRows.COPY_MEMBERS);
            CopyIn history = copy(historyConnection, MemberRows.COPY_HISTORY);
            try {
                StringBuilder memberText = new StringBuilder(FLUSH_AT + 4096);
                StringBuilder historyText = new StringBuilder(FLUSH_AT / 4);
                for (int i = from; i < to; i++) {
                    Person person = population.person(i);
                    rows.member(memberText, person);
                    rows.history(historyText, person);
                    if (memberText.length() >= FLUSH_AT) {
                        send(members, memberText);
                        send(history, historyText);
                    }
                }
                send(members, memberText);
                send(history, historyText);
                members.endCopy();
                history.endCopy();
                return to - from;
            } finally {
                cancelIfActive(members);
                cancelIfActive(history);
            }
        }
    }

    private static CopyIn copy(Connection connection, String sql) throws SQLException {
        CopyManager manager = connection.unwrap(PGConnection.class).getCopyAPI();
        return manager.copyIn(sql);
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    private static void cancelIfActive(CopyIn copy) throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
