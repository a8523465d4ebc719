package org.gonghui.activity;

import static org.gonghui.activity.ActivityStore.instant;
import static org.gonghui.activity.ActivityStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The registration and quota tables. */
@Repository
class RegistrationStore {

    static final String WAITLIST_ORDER = " order by coalesce(draw_rank, 2147483647), id";
    private static final String INSERT = """
            insert into registration (activity_id, member_id, category, period_month, status, place_no, created_at,
              updated_at, check_in_code, recipient, recipient_phone, address)
            """;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcOperations batch;
    private final PersonalDataCipher cipher;
    private final PlatformTime time;

    RegistrationStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcOperations batch, PersonalDataCipher cipher, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
    }

    /** Stores a new registration; a unique index refuses a second one of the member or a place held twice. */
    long insert(ActivityView a, long memberId, RegistrationStatus status, Integer placeNo, ShippingAddress address,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT + "values (:a, :m, :c, :pm, :s, :p, :now, :now, :code, :rn, :rp, :ra)")
                .param("a", a.id()).param("m", memberId).param("c", a.category().name()).param("pm", a.periodMonth(time.zone()))
                .param("s", status.name()).param("p", placeNo).param("now", ts(now)).param("code", Codes.next(12))
                .param("rn", address == null ? null : address.recipient())
                .param("rp", sealedPhone(address)).param("ra", sealedAddress(address))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A confirmed place to store. */
    record NewPlace(ActivityView activity, long memberId, int place, ShippingAddress address, Instant now) {
    }

    /**
     * Stores confirmed registrations with one batched insert (sent in one round trip); their ids in the same
     * order, {@code null} for a row a unique index refused — its place held (by another instance), the member
     * registered already, its code taken — which is left out while the others are stored. Any other refusal (a
     * foreign key) refuses the statement, and the caller's transaction with it.
     */
    List<Long> insertAll(List<NewPlace> rows) {
        return batch.execute((java.sql.Connection c) -> c.prepareStatement(
                INSERT + "values (?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", new String[] {"id"}),
                (java.sql.PreparedStatement ps) -> {
                    for (NewPlace r : rows) {
                        ActivityView a = r.activity();
                        java.sql.Timestamp at = ts(r.now());
                        ps.setLong(1, a.id());
                        ps.setLong(2, r.memberId());
                        ps.setString(3, a.category().name());
                        ps.setInt(4, a.periodMonth(time.zone()));
                        ps.setInt(5, r.place());
                        ps.setTimestamp(6, at);
                        ps.setTimestamp(7, at);
                        ps.setString(8, Codes.next(12));
                        ps.setString(9, r.address() == null ? null : r.address().recipient());
                        ps.setString(10, sealedPhone(r.address()));
                        ps.setString(11, sealedAddress(r.address()));
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    List<Long> keys = new java.util.ArrayList<>(rows.size());
                    try (ResultSet generated = ps.getGeneratedKeys()) {
                        while (generated.next()) {
                            keys.add(generated.getLong(1));
                        }
                    }
                    // a key for each row inserted (count 1), in order; none for a row left out (count 0)
                    long inserted = java.util.Arrays.stream(counts).filter(n -> n != 0).count();
                    if (counts.length != rows.size() || keys.size() != inserted) {
                        throw new org.springframework.dao.IncorrectResultSizeDataAccessException(rows.size(), keys.size());
                    }
                    List<Long> ids = new java.util.ArrayList<>(rows.size());
                    java.util.Iterator<Long> next = keys.iterator();
                    for (int n : counts) {
                        ids.add(n == 0 ? null : next.next());
                    }
                    return ids;
                });
    }

    /** Gives an inactive (cancelled, expired) or waitlisted registration a new state; false if it changed meanwhile. */
    boolean reactivate(long id, RegistrationStatus from, RegistrationStatus to, Integer placeNo, ShippingAddress address,
            Instant now) {
        return jdbc.sql("""
                update registration set status = :to, place_no = :p, updated_at = :now, offer_expires_at = null,
                  draw_rank = null, recipient = coalesce(:rn, recipient), recipient_phone = coalesce(:rp, recipient_phone),
                  address = coalesce(:ra, address)
                where id = :id and status = :from""")
                .param("to", to.name()).param("p", placeNo).param("now", ts(now)).param("id", id).param("from", from.name())
                .param("rn", address == null ? null : address.recipient())
                .param("rp", sealedPhone(address)).param("ra", sealedAddress(address))
                .update() == 1;
    }

    Optional<RegistrationView> find(long activityId, long memberId) {
        return jdbc.sql("select * from registration where activity_id = :a and member_id = :m")
                .param("a", activityId).param("m", memberId).query(this::row).optional();
    }

    Optional<RegistrationView> find(long id) {
        return jdbc.sql("select * from registration where id = :id").param("id", id).query(this::row)
                .optional();
    }

    Optional<RegistrationView> lock(long id) {
        return jdbc.sql("select * from registration where id = :id for update").param("id", id)
                .query(this::row).optional();
    }

    Optional<RegistrationView> findByCode(String code) {
        return jdbc.sql("select * from registration where check_in_code = :c").param("c", code)
                .query(this::row).optional();
    }

    /** 1 for the next in line. */
    int waitlistPosition(RegistrationView r) {
        Integer ahead = jdbc.sql("""
                select count(*) from registration where activity_id = :a and status = 'WAITLISTED'
                  and (coalesce(draw_rank, 2147483647) < :rank
                       or coalesce(draw_rank, 2147483647) = :rank and id < :id)""")
                .param("a", r.activityId()).param("rank", r.drawRank() == null ? Integer.MAX_VALUE : r.drawRank())
                .param("id", r.id()).query(Integer.class).single();
        return ahead + 1;
    }

    /** The next waitlisted registration, locked; one skipped when another transaction holds it. */
    Optional<Waiting> nextInLine(long activityId) {
        return jdbc.sql("select id, member_id from registration where activity_id = :a and status = 'WAITLISTED'"
                + WAITLIST_ORDER + " limit 1 for update skip locked").param("a", activityId)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** A waitlisted registration and its member. */
    record Waiting(long id, long memberId) {
    }

    /**
     * The next waitlisted registration whose member passes {@code who} (e.g. belongs to the quota of the freed
     * place), locked; those held by another transaction are skipped.
     */
    Optional<Waiting> nextInLine(long activityId, java.util.function.LongPredicate who) {
        for (int offset = 0; offset < 100_000; offset += 200) {
            List<Waiting> page = jdbc.sql("select id, member_id from registration where activity_id = :a"
                    + " and status = 'WAITLISTED'" + WAITLIST_ORDER + " limit 200 offset :o")
                    .param("a", activityId).param("o", offset)
                    .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2))).list();
            for (Waiting w : page) {
                if (who.test(w.memberId()) && jdbc.sql("""
                        select id from registration where id = :id and status = 'WAITLISTED'
                        for update skip locked""").param("id", w.id()).query(Long.class).optional().isPresent()) {
                    return Optional.of(w);
                }
            }
            if (page.size() < 200) {
                break;
            }
        }
        return Optional.empty();
    }

    void offer(long id, int placeNo, Instant expires, Instant now) {
        jdbc.sql("""
                update registration set status = 'OFFERED', place_no = :p, offer_expires_at = :e, updated_at = :now
                where id = :id and status = 'WAITLISTED'""")
                .param("p", placeNo).param("e", ts(expires)).param("now", ts(now)).param("id", id).update();
    }

    /** Ends a registration (cancelled or expired) and frees its place. */
    boolean end(long id, RegistrationStatus from, RegistrationStatus to, Instant now) {
        return jdbc.sql("""
                update registration set status = :to, place_no = null, offer_expires_at = null, updated_at = :now
                where id = :id and status = :from""")
                .param("to", to.name()).param("now", ts(now)).param("id", id).param("from", from.name()).update() == 1;
    }

    boolean confirmOffer(long id, long memberId, Instant now) {
        return jdbc.sql("""
                update registration set status = 'CONFIRMED', offer_expires_at = null, updated_at = :now
                where id = :id and member_id = :m and status = 'OFFERED' and offer_expires_at > :now""")
                .param("now", ts(now)).param("id", id).param("m", memberId).update() == 1;
    }

    List<RegistrationView> expiredOffers(Instant now, int limit) {
        return jdbc.sql("select * from registration where status = 'OFFERED' and offer_expires_at <= :now limit :n")
                .param("now", ts(now)).param("n", limit).query(this::row).list();
    }

    List<RegistrationView> ofMember(long memberId, int limit, long offset) {
        return jdbc.sql("select * from registration where member_id = :m order by id desc limit :n offset :o")
                .param("m", memberId).param("n", limit).param("o", offset).query(this::row).list();
    }

    List<RegistrationView> ofActivity(long activityId, RegistrationStatus status, int limit, long offset) {
        String filter = status == null ? "" : " and status = :s";
        var statement = jdbc.sql("select * from registration where activity_id = :a" + filter
                + (status == RegistrationStatus.WAITLISTED ? WAITLIST_ORDER : " order by id") + " limit :n offset :o")
                .param("a", activityId).param("n", limit).param("o", offset);
        if (status != null) {
            statement = statement.param("s", status.name());
        }
        return statement.query(this::row).list();
    }

    Map<String, Long> countsByStatus(long activityId) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select status, count(*) as n, sum(case when attended_at is not null then 1 else 0 end) as attended,
                  sum(case when no_show then 1 else 0 end) as no_shows
                from registration where activity_id = :a group by status""")
                .param("a", activityId).query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                    counts.merge("ATTENDED", rs.getLong("attended"), Long::sum);
                    counts.merge("NO_SHOW", rs.getLong("no_shows"), Long::sum);
                });
        return counts;
    }

    /**
     * Ends every live registration of a cancelled activity (inside the caller's transaction): places, offers,
     * entries and waitlist positions. Members whose registration counted towards a monthly limit get it back.
     * Returns the members whose registration ended, in registration order.
     */
    List<Long> endAll(ActivityView a, Instant now) {
        List<Long> members = jdbc.sql("""
                select member_id from registration
                where activity_id = :a and status in ('CONFIRMED', 'OFFERED', 'ENTERED', 'WAITLISTED') order by id""")
                .param("a", a.id()).query(Long.class).list();
        if (a.monthlyLimit() != null) {
            jdbc.sql("""
                    update registration_quota set used = used - 1
                    where category = :c and period_month = :pm and used > 0 and member_id in (select member_id
                      from registration where activity_id = :a and status in ('CONFIRMED', 'ENTERED'))""")
                    .param("c", a.category().name()).param("pm", a.periodMonth(time.zone())).param("a", a.id()).update();
        }
        jdbc.sql("""
                update registration set status = 'CANCELLED', place_no = null, offer_expires_at = null, updated_at = :now
                where activity_id = :a and status in ('CONFIRMED', 'OFFERED', 'ENTERED', 'WAITLISTED')""")
                .param("a", a.id()).param("now", ts(now)).update();
        return members;
    }

    /** Ensures the member's quota row for the category and month exists (in its own transaction). */
    void ensureQuota(long memberId, ActivityView a) {
        try {
            jdbc.sql("""
                    insert into registration_quota (member_id, category, period_month, used)
                    select :m, :c, :pm, 0 where not exists (select 1 from registration_quota
                      where member_id = :m and category = :c and period_month = :pm)""")
                    .param("m", memberId).param("c", a.category().name()).param("pm", a.periodMonth(time.zone())).update();
        } catch (DataIntegrityViolationException e) {
            // created concurrently: fine
        }
    }

    /** Uses one of the member's monthly registrations in the category; false when the limit is reached. */
    boolean useQuota(long memberId, ActivityView a) {
        return jdbc.sql("""
                update registration_quota set used = used + 1
                where member_id = :m and category = :c and period_month = :pm and used < :limit""")
                .param("m", memberId).param("c", a.category().name()).param("pm", a.periodMonth(time.zone()))
                .param("limit", a.monthlyLimit()).update() == 1;
    }

    void releaseQuota(long memberId, ActivityView a) {
        jdbc.sql("""
                update registration_quota set used = used - 1
                where member_id = :m and category = :c and period_month = :pm and used > 0""")
                .param("m", memberId).param("c", a.category().name()).param("pm", a.periodMonth(time.zone())).update();
    }

    /**
     * Whether the violation is of the named unique constraint (PostgreSQL names it; H2 names its index after
     * it). Only the part before the statement text is read, which names every column.
     */
    static boolean violated(DataIntegrityViolationException e, String constraint) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        int statement = message.indexOf("sql statement");
        if (statement > 0) {
            message = message.substring(0, statement);
        }
        return message.contains(constraint);
    }

    /** A registration as views show it: the shipping address opened, its phone masked. */
    RegistrationView row(ResultSet rs, int n) throws SQLException {
        String recipient = rs.getString("recipient");
        return new RegistrationView(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("member_id"),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getObject("place_no", Integer.class), null,
                instant(rs, "offer_expires_at"), rs.getString("check_in_code"), instant(rs, "attended_at"),
                rs.getBoolean("no_show"), rs.getObject("draw_rank", Integer.class), instant(rs, "created_at"),
                recipient == null ? null
                        : shippingAddress(rs).masked());
    }

    private String sealedPhone(ShippingAddress address) {
        return address == null ? null : cipher.encrypt(address.phone());
    }

    private String sealedAddress(ShippingAddress address) {
        return address == null ? null : cipher.encrypt(address.address());
    }

    /** The shipping address of the row, opened (the shipping list's phone and address in full). */
    ShippingAddress shippingAddress(ResultSet rs) throws SQLException {
        return new ShippingAddress(rs.getString("recipient"), cipher.decrypt(rs.getString("recipient_phone")),
                cipher.decrypt(rs.getString("address")));
    }
}
