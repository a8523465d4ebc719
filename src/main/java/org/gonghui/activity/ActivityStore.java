package org.gonghui.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The activity and session tables (plain SQL; the module owns them). */
@Repository
class ActivityStore {

    private final JdbcClient jdbc;
    private final PlatformTime time;

    ActivityStore(JdbcClient jdbc, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
    }

    long insert(ActivityForm form, long orgId, String orgPath, String eligiblePath, String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into activity (org_id, org_path, title, category, description, picture_url, place, online, mode,
                  capacity, opens_at, closes_at, cancel_deadline, confirm_hours, eligible_types, eligible_path,
                  card_holders_only, min_age, max_age, monthly_limit, needs_address, weighted_draw, status, created_at,
                  created_by)
                values (:org, :path, :title, :category, :description, :picture, :place, :online, :mode, :capacity, :opens,
                  :closes, :cancel, :confirm, :types, :eligiblePath, :card, :minAge, :maxAge, :monthly, :address,
                  :weighted, 'PUBLISHED', :now, :by)""")
                .params(params(form, eligiblePath))
                .param("org", orgId).param("path", orgPath).param("now", ts(Instant.now())).param("by", createdBy)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceSessions(id, form.sessionList(time.zone()));
        return id;
    }

    void update(long id, ActivityForm form, String eligiblePath) {
        jdbc.sql("""
                update activity set title = :title, category = :category, description = :description,
                  picture_url = :picture, place = :place, online = :online, mode = :mode, capacity = :capacity,
                  opens_at = :opens, closes_at = :closes, cancel_deadline = :cancel, confirm_hours = :confirm,
                  eligible_types = :types, eligible_path = :eligiblePath, card_holders_only = :card, min_age = :minAge,
                  max_age = :maxAge, monthly_limit = :monthly, needs_address = :address, weighted_draw = :weighted,
                  version = version + 1
                where id = :id""")
                .params(params(form, eligiblePath)).param("id", id).update();
        replaceSessions(id, form.sessionList(time.zone()));
    }

    private Map<String, Object> params(ActivityForm form, String eligiblePath) {
        Eligibility eligibility = new Eligibility(form.memberTypes(), eligiblePath, form.cardHoldersOnly(), form.minAge(),
                form.maxAge());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", form.title().trim());
        p.put("category", form.category().name());
        p.put("description", blankToNull(form.description()));
        p.put("picture", blankToNull(form.pictureUrl()));
        p.put("place", blankToNull(form.place()));
        p.put("online", form.online());
        p.put("mode", form.mode().name());
        p.put("capacity", form.capacity());
        p.put("opens", ts(form.opensAt().atZone(time.zone()).toInstant()));
        p.put("closes", ts(form.closesAt().atZone(time.zone()).toInstant()));
        p.put("cancel", form.cancelDeadline() == null ? null : ts(form.cancelDeadline().atZone(time.zone()).toInstant()));
        p.put("confirm", form.confirmHours() == null ? 24 : form.confirmHours());
        p.put("types", eligibility.typesColumn());
        p.put("eligiblePath", eligiblePath);
        p.put("card", form.cardHoldersOnly());
        p.put("minAge", form.minAge());
        p.put("maxAge", form.maxAge());
        p.put("monthly", form.monthlyLimit());
        p.put("address", form.needsAddress());
        p.put("weighted", form.weightedDraw());
        return p;
    }

    private void replaceSessions(long id, List<ActivitySession> sessions) {
        jdbc.sql("delete from activity_session where activity_id = :id").param("id", id).update();
        for (ActivitySession s : sessions) {
            jdbc.sql("insert into activity_session (activity_id, starts_at, ends_at) values (:id, :s, :e)")
                    .param("id", id).param("s", ts(s.startsAt())).param("e", ts(s.endsAt())).update();
        }
    }

    Optional<ActivityView> find(long id) {
        return jdbc.sql("select * from activity where id = :id").param("id", id).query(ActivityStore::row).optional()
                .map(row -> row.with(sessions(List.of(id)).getOrDefault(id, List.of())));
    }

    /** Activities matching a where-clause (with named parameters), newest opening first. */
    List<ActivityView> list(String where, Map<String, ?> params, int limit, long offset) {
        List<Row> rows = jdbc.sql("select * from activity where " + where
                + " order by opens_at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset).query(ActivityStore::row).list();
        Map<Long, List<ActivitySession>> sessions = sessions(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.with(sessions.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Sets whether the activity repeats weekly; a changed series is looked at again by the job. */
    void setRepeat(long id, boolean weekly, LocalDate until) {
        jdbc.sql("""
                update activity set repeat_weekly = :weekly, repeat_until = :until, repeat_stopped_at = null
                where id = :id""")
                .param("weekly", weekly).param("until", until).param("id", id).update();
    }

    /** Links a next instance to the one it follows; refused by a unique constraint when it already has one. */
    void linkRepeat(long id, long previousId) {
        jdbc.sql("update activity set repeat_of = :previous where id = :id").param("previous", previousId)
                .param("id", id).update();
    }

    /** The last instance of a series: the job stops looking at it. */
    void stopRepeat(long id, Instant at) {
        jdbc.sql("update activity set repeat_stopped_at = :at where id = :id and repeat_stopped_at is null")
                .param("at", ts(at)).param("id", id).update();
    }

    /**
     * Instances of weekly series whose window has opened and that have no next instance yet (none cancelled or
     * past their series' end).
     */
    List<ActivityView> repeatsDue(Instant now, int limit) {
        return list("""
                repeat_weekly = true and repeat_stopped_at is null and status <> 'CANCELLED' and opens_at <= :now
                  and not exists (select 1 from activity n where n.repeat_of = activity.id)""",
                Map.of("now", ts(now)), limit, 0);
    }

    void setStatus(long id, ActivityStatus status) {
        jdbc.sql("update activity set status = :s, version = version + 1 where id = :id")
                .param("s", status.name()).param("id", id).update();
    }

    void freeze(long id, String hash, Instant at) {
        jdbc.sql("update activity set status = 'FROZEN', entries_hash = :h, entries_frozen_at = :at where id = :id")
                .param("h", hash).param("at", ts(at)).param("id", id).update();
    }

    void drawn(long id, String seed, Instant at) {
        jdbc.sql("update activity set status = 'DRAWN', draw_seed = :seed, drawn_at = :at where id = :id")
                .param("seed", seed).param("at", ts(at)).param("id", id).update();
    }

    void attendanceClosed(long id, Instant at) {
        jdbc.sql("update activity set attendance_closed_at = :at where id = :id").param("at", ts(at)).param("id", id)
                .update();
    }

    private Map<Long, List<ActivitySession>> sessions(List<Long> ids) {
        Map<Long, List<ActivitySession>> map = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return map;
        }
        jdbc.sql("select * from activity_session where activity_id in (:ids) order by starts_at, id").param("ids", ids)
                .query(rs -> {
                    map.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>())
                            .add(new ActivitySession(instant(rs, "starts_at"), instant(rs, "ends_at")));
                });
        return map;
    }

    /** A row before its sessions are attached. */
    record Row(ActivityView view) {
        long id() {
            return view.id();
        }

        ActivityView with(List<ActivitySession> sessions) {
            ActivityView v = view;
            return new ActivityView(v.id(), v.orgId(), v.orgPath(), v.title(), v.category(), v.description(),
                    v.pictureUrl(), v.place(), v.online(), v.mode(), v.capacity(), v.opensAt(), v.closesAt(),
                    v.cancelDeadline(), v.confirmHours(), v.eligibility(), v.monthlyLimit(), v.needsAddress(),
                    v.weightedDraw(), v.status(), v.entriesHash(), v.entriesFrozenAt(), v.drawSeed(), v.drawnAt(),
                    v.attendanceClosedAt(), sessions, v.repeatWeekly(), v.repeatUntil(), v.repeatOf());
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Eligibility eligibility = new Eligibility(Eligibility.parseTypes(rs.getString("eligible_types")),
                rs.getString("eligible_path"), rs.getBoolean("card_holders_only"), rs.getObject("min_age", Integer.class),
                rs.getObject("max_age", Integer.class));
        return new Row(new ActivityView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                rs.getString("title"), ActivityCategory.valueOf(rs.getString("category")), rs.getString("description"),
                rs.getString("picture_url"), rs.getString("place"), rs.getBoolean("online"),
                AllocationMode.valueOf(rs.getString("mode")), rs.getInt("capacity"), instant(rs, "opens_at"),
                instant(rs, "closes_at"), instant(rs, "cancel_deadline"), rs.getInt("confirm_hours"), eligibility,
                rs.getObject("monthly_limit", Integer.class), rs.getBoolean("needs_address"),
                rs.getBoolean("weighted_draw"), ActivityStatus.valueOf(rs.getString("status")),
                rs.getString("entries_hash"), instant(rs, "entries_frozen_at"), rs.getString("draw_seed"),
                instant(rs, "drawn_at"), instant(rs, "attendance_closed_at"), List.of(), rs.getBoolean("repeat_weekly"),
                rs.getObject("repeat_until", LocalDate.class), rs.getObject("repeat_of", Long.class)));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
