package org.gonghui.myunion;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes record entries in the transaction of the event that caused them, so an entry commits or rolls back with its
 * source. Inside a transaction the entries are gathered and written in one batch just before the commit (a result
 * file paying 100,000 members adds one batched insert, not 100,000 statements); the synchronisation belongs to the
 * transaction that is active, so an inner {@code REQUIRES_NEW} transaction writes its own entries when it commits.
 * Outside any transaction an entry is written at once. An entry whose kind and source reference are stored already
 * is skipped ({@code on conflict do nothing} on PostgreSQL, {@code where not exists} on H2), so a redelivered event
 * is stored once.
 */
@Component
class RecordWriter {

    private static final String COLUMNS = "member_id, occurred_at, kind, amount_fen, source_ref, title, detail";

    private final JdbcTemplate jdbc;
    private final String insert;

    RecordWriter(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.insert = isPostgres(dataSource)
                ? "insert into member_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) on conflict (kind, source_ref) do nothing"
                : "insert into member_record (" + COLUMNS + ") select cast(? as bigint), cast(? as timestamp with time zone),"
                        + " cast(? as varchar(24)), cast(? as bigint), cast(? as varchar(80)), cast(? as varchar(200)),"
                        + " cast(? as varchar(100)) from (values (1)) v(one)"
                        + " where not exists (select 1 from member_record where kind = ? and source_ref = ?)";
    }

    void write(RecordEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writeNow(List.of(entry));
            return;
        }
        Pending pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                pending = p;
            }
        }
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.putIfAbsent(entry.key(), entry);
    }

    private void writeNow(List<RecordEntry> entries) {
        boolean h2 = !insert.contains("on conflict");
        jdbc.batchUpdate(insert, entries, 1_000, (ps, e) -> {
            ps.setLong(1, e.memberId());
            ps.setTimestamp(2, Timestamp.from(e.occurredAt()));
            ps.setString(3, e.kind().name());
            if (e.amountFen() == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, e.amountFen());
            }
            ps.setString(5, e.sourceRef());
            ps.setString(6, e.title());
            ps.setString(7, e.detail());
            if (h2) {
                ps.setString(8, e.kind().name());
                ps.setString(9, e.sourceRef());
            }
        });
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase().contains("postgres");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell the database", e);
        }
    }

    /** The entries of one transaction, written before it commits (and dropped when it rolls back). */
    private static final class Pending implements TransactionSynchronization {

        private final RecordWriter owner;
        private final Map<String, RecordEntry> entries = new LinkedHashMap<>();

        Pending(RecordWriter owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                owner.writeNow(new ArrayList<>(entries.values()));
                entries.clear();
            }
        }

        @Override
        public int getOrder() {
            // after the publisher's own before-commit work, before anything that follows the commit
            return LOWEST_PRECEDENCE;
        }
    }
}
