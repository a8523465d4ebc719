package org.gonghui.helpdesk;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions of the help desk's time limits ({@code helpdesk_time_limit_version} and its
 * {@code helpdesk_time_limit} rows), like mutual-aid plans: configuration as data, never changed once in force.
 * The city's admins add a version valid from a later day; a request keeps the version in force when it was
 * received ({@link #inForce}), so changing the rules never moves a deadline already given. The versions are few
 * and read on every request, so they are kept in memory and reloaded after a change.
 */
@Service
public class TimeLimits {

    private final JdbcClient jdbc;
    private final PlatformTime time;
    private final AuditLog audit;
    private volatile List<TimeLimitVersion> versions;

    TimeLimits(JdbcClient jdbc, PlatformTime time, AuditLog audit) {
        this.jdbc = jdbc;
        this.time = time;
        this.audit = audit;
    }

    /** The version in force at {@code receivedAt}: the one with the latest start not after it. */
    public TimeLimitVersion inForce(Instant receivedAt) {
        for (TimeLimitVersion version : versions()) {
            if (!version.validFrom().isAfter(receivedAt)) {
                return version;
            }
        }
        throw new IllegalStateException("no time limits in force at " + receivedAt);
    }

    /** The version in force now. */
    public TimeLimitVersion current() {
        return inForce(time.now());
    }

    /** A version by id (a request's {@code time_limit_version}). */
    public TimeLimitVersion version(long id) {
        return versions().stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("helpdesk.limits.not-found"));
    }

    /** Every version, the latest start first. */
    public List<TimeLimitVersion> versions() {
        List<TimeLimitVersion> loaded = versions;
        if (loaded == null) {
            loaded = load();
            versions = loaded;
        }
        return loaded;
    }

    /**
     * Adds a version valid from the start of {@code validFrom} (a later day than today and than the latest
     * version's start). City admins only.
     */
    @Transactional
    public TimeLimitVersion add(CurrentUser user, LocalDate validFrom, Map<RequestType, Map<Difficulty, Limits>> limits,
            LightRule rule, int callbackDays, int duplicateWindowDays) {
        CityAdmins.require(user);
        if (validFrom == null) {
            throw DomainException.invalid("helpdesk.limits.valid-from.required");
        }
        if (!validFrom.isAfter(time.today()) || validFrom.getYear() > CalendarDay.LAST_YEAR) {
            throw DomainException.invalid("helpdesk.limits.valid-from.future");
        }
        Instant start = time.startOf(validFrom);
        if (versions().stream().anyMatch(v -> !v.validFrom().isBefore(start))) {
            throw DomainException.invalid("helpdesk.limits.valid-from.after-latest");
        }
        TimeLimitVersion draft;
        try {
            draft = new TimeLimitVersion(0, start, limits, rule, callbackDays, duplicateWindowDays);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("helpdesk.limits.invalid");
        }
        Timestamp from = Timestamp.from(start);
        jdbc.sql("insert into helpdesk_time_limit_version (valid_from, yellow_after_unanswered_days, "
                        + "yellow_share_of_resolution, red_after_yellow_days, callback_days, duplicate_window_days, "
                        + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(from, rule.yellowAfterUnansweredDays(), rule.yellowShareOfResolution(), rule.redAfterYellowDays(),
                        callbackDays, duplicateWindowDays, user.getUsername(), Timestamp.from(time.now()))
                .update();
        long id = jdbc.sql("select id from helpdesk_time_limit_version where valid_from = ?").param(from)
                .query(Long.class).single();
        for (RequestType type : RequestType.values()) {
            for (Difficulty difficulty : Difficulty.values()) {
                Limits l = draft.limitsFor(type, difficulty);
                jdbc.sql("insert into helpdesk_time_limit (version_id, request_type, difficulty, first_response_days, "
                                + "next_update_days, resolution_days) values (?, ?, ?, ?, ?, ?)")
                        .params(id, type.name(), difficulty.name(), l.firstResponseDays(), l.nextUpdateDays(),
                                l.resolutionDays())
                        .update();
            }
        }
        audit.record("helpdesk.limits.add", "helpdesk_time_limit_version", id, "valid from " + validFrom);
        reloadAfterCommit();
        return new TimeLimitVersion(id, start, draft.limits(), rule, callbackDays, duplicateWindowDays);
    }

    /** Reads the versions again. */
    void reload() {
        versions = null;
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    versions = null;
                }
            });
        } else {
            versions = null;
        }
    }

    private List<TimeLimitVersion> load() {
        Map<Long, Map<RequestType, Map<Difficulty, Limits>>> rows = new HashMap<>();
        jdbc.sql("select version_id, request_type, difficulty, first_response_days, next_update_days, resolution_days "
                + "from helpdesk_time_limit").query(rs -> {
                    rows.computeIfAbsent(rs.getLong(1), v -> new EnumMap<>(RequestType.class))
                            .computeIfAbsent(RequestType.valueOf(rs.getString(2)), t -> new EnumMap<>(Difficulty.class))
                            .put(Difficulty.valueOf(rs.getString(3)), new Limits(rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                });
        List<TimeLimitVersion> loaded = new ArrayList<>(jdbc.sql("select id, valid_from, yellow_after_unanswered_days, "
                        + "yellow_share_of_resolution, red_after_yellow_days, callback_days, duplicate_window_days "
                        + "from helpdesk_time_limit_version")
                .query((rs, n) -> version(rs, rows)).list());
        loaded.sort(Comparator.comparing(TimeLimitVersion::validFrom).reversed());
        return List.copyOf(loaded);
    }

    private static TimeLimitVersion version(ResultSet rs, Map<Long, Map<RequestType, Map<Difficulty, Limits>>> rows)
            throws SQLException {
        long id = rs.getLong(1);
        BigDecimal share = rs.getBigDecimal(4);
        return new TimeLimitVersion(id, rs.getTimestamp(2).toInstant(), rows.getOrDefault(id, Map.of()),
                new LightRule(rs.getInt(3), share, rs.getInt(5)), rs.getInt(6), rs.getInt(7));
    }
}
