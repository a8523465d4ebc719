package org.gonghui.scaledata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secondary indexes, unique constraints and foreign keys of some tables, read from the catalog as
 * Flyway created them, so a bulk load can drop them and rebuild them afterwards in one sorted pass each
 * (much cheaper than keeping them up to date row by row). Primary keys stay. Rebuilt with the same names and
 * definitions, so the schema afterwards is exactly the migrated one.
 */
final class DeferredIndexes {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

    /** One dropped object: how to drop it and how to make it again. */
    record Definition(String name, String drop, String create, boolean foreignKey) {
    }

    private final List<Definition> definitions;

    private DeferredIndexes(List<Definition> definitions) {
        this.definitions = definitions;
    }

    /** Reads the definitions of the tables' secondary indexes and constraints (not primary keys). */
    static DeferredIndexes of(JdbcTemplate jdbc, List<String> tables) {
        String in = String.join(",", tables.stream().map(t -> "'" + t.replace("'", "") + "'").toList());
        String tableOids = "(select c.oid from pg_class c where c.relname in (" + in
                + ") and c.relnamespace = current_schema()::regnamespace)";
        List<Definition> found = new ArrayList<>();
        found.addAll(jdbc.query("""
                select c.conname, c.conrelid::regclass::text as tab, c.contype, pg_get_constraintdef(c.oid) as def
                from pg_constraint c where c.conrelid in """ + tableOids + " and c.contype in ('u', 'f') order by c.contype, c.conname",
                (rs, n) -> new Definition(rs.getString("conname"),
                        "alter table " + rs.getString("tab") + " drop constraint " + rs.getString("conname"),
                        "alter table " + rs.getString("tab") + " add constraint " + rs.getString("conname") + " "
                                + rs.getString("def"),
                        "f".equals(rs.getString("contype")))));
        found.addAll(jdbc.query("""
                select i.relname, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
                where x.indrelid in """ + tableOids + """
                 and not exists (select 1 from pg_constraint c where c.conindid = i.oid) order by i.relname""",
                (rs, n) -> new Definition(rs.getString("relname"), "drop index " + rs.getString("relname"),
                        rs.getString("def"), false)));
        return new DeferredIndexes(List.copyOf(found));
    }

    List<Definition> definitions() {
        return definitions;
    }

    /** Drops foreign keys first (they may depend on unique indexes), then constraints and indexes. */
    void drop(JdbcTemplate jdbc) {
        definitions.stream().filter(Definition::foreignKey).forEach(d -> jdbc.execute(d.drop()));
        definitions.stream().filter(d -> !d.foreignKey()).forEach(d -> jdbc.execute(d.drop()));
    }

    /**
     * Rebuilds everything: indexes and unique constraints {@code parallelism} at a time, each with a large
     * sort memory, then the foreign keys (each checked by one join over the table).
     */
    void rebuild(JdbcTemplate jdbc, int parallelism, String sortMemory) throws Exception {
        runAll(jdbc, definitions.stream().filter(d -> !d.foreignKey()).toList(), parallelism, sortMemory);
        runAll(jdbc, definitions.stream().filter(Definition::foreignKey).toList(), parallelism, sortMemory);
    }

    private static void runAll(JdbcTemplate jdbc, List<Definition> work, int parallelism, String sortMemory)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Definition definition : work) {
                running.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    jdbc.execute((java.sql.Connection connection) -> {
                        try (var statement = connection.createStatement()) {
                            statement.execute("set maintenance_work_mem = '" + sortMemory + "'");
                            statement.execute(definition.create());
                            statement.execute("reset maintenance_work_mem");
                        }
                        return null;
                    });
                    log.info("rebuilt {} in {} ms", definition.name(), (System.nanoTime() - started) / 1_000_000);
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
