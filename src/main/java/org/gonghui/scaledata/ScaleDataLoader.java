package org.gonghui.scaledata;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.gonghui.account.Accounts;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an empty, migrated PostgreSQL database with the planned city: organisations, members with their
 * history (parallel COPY streams, secondary indexes rebuilt afterwards), the benchmark staff accounts, then
 * VACUUM ANALYZE. Returns the time of each phase.
 */
@Component
@Profile("scaledata")
class ScaleDataLoader {

    /** Staff accounts for benchmarks and for trying the platform at scale (the demo's names and password). */
    static final String STAFF_PASSWORD = "Gonghui2026";

    private record Staff(String username, String displayName, String orgCode, Set<Role> roles) {
    }

    private static final List<Staff> STAFF = List.of(
            new Staff("admin", "市总管理员", "NB", EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER)),
            new Staff("haishu", "海曙区工作人员", "NB-HS", EnumSet.of(Role.STAFF, Role.REVIEWER)),
            new Staff("nanmen", "南门街道工作人员", "NB-HS-T01", EnumSet.of(Role.STAFF)));

    private static final Logger log = LoggerFactory.getLogger(ScaleDataLoader.class);
    private static final List<String> MEMBER_TABLES = List.of("member", "member_status_change");

    private final ScaleDataProperties properties;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AuditLog audit;

    ScaleDataLoader(ScaleDataProperties properties, DataSource dataSource, JdbcTemplate jdbc, PersonalDataCipher cipher,
            Organisations organisations, Accounts accounts, AuditLog audit) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Loads everything; the phases and their durations in milliseconds, in order. */
    Map<String, Long> load() throws Exception {
        requireEnoughConnections();
        requireEmpty();
        Map<String, Long> phases = new LinkedHashMap<>();
        long started = System.nanoTime();
        CityPlan plan = CityPlan.ningbo(properties.seed(), properties.communities(), properties.enterprises(),
                properties.members());
        Population population = new Population(plan, properties.seed());
        started = lap(phases, "plan the city and number its people", started);

        writeOrganisations(plan);
        started = lap(phases, "organisations (" + plan.organisations().size() + ")", started);

        DeferredIndexes deferred = DeferredIndexes.of(jdbc, MEMBER_TABLES);
        if (properties.deferIndexes()) {
            deferred.drop(jdbc);
            started = lap(phases, "drop " + deferred.definitions().size() + " secondary indexes and constraints", started);
        }
        copyMembers(population);
        started = lap(phases, "COPY " + population.size() + " members and their history", started);

        if (properties.deferIndexes()) {
            deferred.rebuild(jdbc, properties.indexWorkers(), "1GB");
            started = lap(phases, "rebuild indexes and constraints", started);
        }
        for (String table : List.of("organisation", "member", "member_status_change")) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
        }
        jdbc.execute("vacuum (analyze) organisation, member, member_status_change");
        started = lap(phases, "vacuum analyze", started);

        createStaffAccounts();
        audit.record(MemberRows.ACTOR, null, "member.register-bulk", "member", null,
                population.size() + " rows: " + MemberRows.REASON);
        lap(phases, "staff accounts", started);
        return phases;
    }

    /** Each worker holds two connections; the index rebuild and this thread need some too. */
    private void requireEnoughConnections() {
        if (dataSource instanceof HikariDataSource pool
                && pool.getMaximumPoolSize() < 2 * properties.workers() + 1) {
            throw new IllegalStateException(properties.workers() + " workers need "
                    + (2 * properties.workers() + 1) + " connections; raise spring.datasource.hikari.maximum-pool-size");
        }
    }

    private void requireEmpty() {
        Long organisationsPresent = jdbc.queryForObject("select count(*) from organisation", Long.class);
        Long membersPresent = jdbc.queryForObject("select count(*) from member", Long.class);
        if (organisationsPresent != 0 || membersPresent != 0) {
            throw new IllegalStateException("the database already holds " + organisationsPresent + " organisations and "
                    + membersPresent + " members; scale data needs a freshly migrated, empty database");
        }
    }

    private void writeOrganisations(CityPlan plan) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (PlannedOrganisation o : plan.organisations()) {
            rows.add(new Object[] {o.id(), o.parentId(), o.kind().name(), o.name(), o.code(), o.path(), o.depth(), now});
        }
        jdbc.batchUpdate("""
                insert into organisation (id, parent_id, kind, name, code, path, depth, status, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0)""", rows);
    }

    private void copyMembers(Population population) throws Exception {
        MemberCopy copy = new MemberCopy(dataSource, population, new MemberRows(cipher, population.size()));
        ExecutorService pool = Executors.newFixedThreadPool(properties.workers());
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < population.size(); from += properties.chunk()) {
                int start = from;
                int end = Math.min(population.size(), from + properties.chunk());
                chunks.add(pool.submit(() -> {
                    long total = done.addAndGet(copy.write(start, end));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info("{} of {} members written ({} per second)", total, population.size(),
                            Math.round(total / seconds));
                    return null;
                }));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void createStaffAccounts() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        CurrentUser system = new CurrentUser(0, MemberRows.ACTOR, MemberRows.ACTOR, null, city.id(), city.path(), null,
                EnumSet.of(Role.ADMIN), false, true);
        for (Staff staff : STAFF) {
            accounts.createStaff(system, staff.username(), staff.displayName(), STAFF_PASSWORD,
                    organisations.findByCode(staff.orgCode()).orElseThrow().id(), staff.roles());
        }
    }

    private static long lap(Map<String, Long> phases, String phase, long started) {
        long now = System.nanoTime();
        long millis = (now - started) / 1_000_000;
        phases.put(phase, millis);
        log.info("{}: {} ms", phase, millis);
        return now;
    }
}
