package org.gonghui.activity;

import static org.gonghui.activity.ActivityStore.instant;
import static org.gonghui.activity.ActivityStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Welfare offers, their merchants and vouchers. */
@Repository
class WelfareStore {

    private final JdbcClient jdbc;
    private final PlatformTime time;

    WelfareStore(JdbcClient jdbc, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
    }

    long insert(WelfareOfferForm f, long orgId, String orgPath, String eligiblePath, String by) {
        var keys = new GeneratedKeyHolder();
        Eligibility e = new Eligibility(f.memberTypes(), eligiblePath, f.cardHoldersOnly(), f.minAge(), f.maxAge());
        jdbc.sql("""
                insert into welfare_offer (org_id, org_path, title, description, price_fen, total_quantity, per_member,
                  claim_opens_at, claim_closes_at, valid_from, valid_until, eligible_types, eligible_path,
                  card_holders_only, min_age, max_age, status, created_at, created_by)
                values (:org, :path, :title, :d, :price, :total, :per, :co, :cc, :vf, :vu, :types, :ep, :card, :min, :max,
                  'PUBLISHED', :now, :by)""")
                .param("org", orgId).param("path", orgPath).param("title", f.title().trim())
                .param("d", f.description() == null || f.description().isBlank() ? null : f.description().trim())
                .param("price", f.priceFen()).param("total", f.totalQuantity()).param("per", f.perMember())
                .param("co", ts(f.claimOpensAt().atZone(time.zone()).toInstant()))
                .param("cc", ts(f.claimClosesAt().atZone(time.zone()).toInstant()))
                .param("vf", ts(f.validFrom().atZone(time.zone()).toInstant()))
                .param("vu", ts(f.validUntil().atZone(time.zone()).toInstant()))
                .param("types", e.typesColumn()).param("ep", eligiblePath).param("card", f.cardHoldersOnly())
                .param("min", f.minAge()).param("max", f.maxAge()).param("now", ts(Instant.now())).param("by", by)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (f.merchantIds() != null) {
            for (Long merchant : f.merchantIds()) {
                jdbc.sql("insert into welfare_offer_merchant (offer_id, merchant_id) values (:o, :m)")
                        .param("o", id).param("m", merchant).update();
            }
        }
        return id;
    }

    Optional<WelfareOfferView> find(long id) {
        return list("id = :id", Map.of("id", id), 1, 0).stream().findFirst();
    }

    List<WelfareOfferView> list(String where, Map<String, ?> params, int limit, long offset) {
        List<WelfareOfferView> rows = jdbc.sql("select * from welfare_offer where " + where
                + " order by claim_opens_at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset).query(WelfareStore::row).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Long>> merchants = new HashMap<>();
        jdbc.sql("select offer_id, merchant_id from welfare_offer_merchant where offer_id in (:ids)")
                .param("ids", rows.stream().map(WelfareOfferView::id).toList())
                .query(rs -> {
                    merchants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return rows.stream().map(o -> new WelfareOfferView(o.id(), o.orgId(), o.orgPath(), o.title(), o.description(),
                o.priceFen(), o.totalQuantity(), o.perMember(), o.claimOpensAt(), o.claimClosesAt(), o.validFrom(),
                o.validUntil(), o.eligibility(), o.status(), merchants.getOrDefault(o.id(), List.of()))).toList();
    }

    int countOfMember(long offerId, long memberId) {
        return jdbc.sql("select count(*) from voucher where offer_id = :o and member_id = :m")
                .param("o", offerId).param("m", memberId).query(Integer.class).single();
    }

    long insertVoucher(long offerId, long memberId, int serial, int memberSeq, String code, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into voucher (offer_id, member_id, serial_no, member_seq, code, claimed_at)
                values (:o, :m, :s, :q, :c, :now)""")
                .param("o", offerId).param("m", memberId).param("s", serial).param("q", memberSeq).param("c", code)
                .param("now", ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<VoucherView> voucher(long offerId, long memberId, int memberSeq) {
        return jdbc.sql("select * from voucher where offer_id = :o and member_id = :m and member_seq = :q")
                .param("o", offerId).param("m", memberId).param("q", memberSeq).query(WelfareStore::voucher).optional();
    }

    Optional<VoucherView> lockByCode(String code) {
        return jdbc.sql("select * from voucher where code = :c for update").param("c", code)
                .query(WelfareStore::voucher).optional();
    }

    List<VoucherView> vouchersOf(long memberId, int limit, long offset) {
        return jdbc.sql("select * from voucher where member_id = :m order by id desc limit :n offset :o")
                .param("m", memberId).param("n", limit).param("o", offset).query(WelfareStore::voucher).list();
    }

    boolean honours(long offerId, long merchantId) {
        return jdbc.sql("select count(*) from welfare_offer_merchant where offer_id = :o and merchant_id = :m")
                .param("o", offerId).param("m", merchantId).query(Integer.class).single() > 0;
    }

    boolean redeem(long voucherId, long merchantId, String outlet, String key, Instant now) {
        return jdbc.sql("""
                update voucher set redeemed_at = :now, redeemed_by = :m, redeemed_outlet = :outlet, redemption_key = :k
                where id = :id and redeemed_at is null""")
                .param("now", ts(now)).param("m", merchantId).param("outlet", outlet).param("k", key).param("id", voucherId)
                .update() == 1;
    }

    String redemptionKey(long voucherId) {
        return jdbc.sql("select redemption_key from voucher where id = :id").param("id", voucherId)
                .query(String.class).optional().orElse(null);
    }

    long[] counts(long offerId) {
        return jdbc.sql("select count(*), count(redeemed_at) from voucher where offer_id = :o").param("o", offerId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private static WelfareOfferView row(ResultSet rs, int n) throws SQLException {
        Eligibility e = new Eligibility(Eligibility.parseTypes(rs.getString("eligible_types")), rs.getString("eligible_path"),
                rs.getBoolean("card_holders_only"), rs.getObject("min_age", Integer.class),
                rs.getObject("max_age", Integer.class));
        return new WelfareOfferView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                rs.getString("title"), rs.getString("description"), rs.getInt("price_fen"), rs.getInt("total_quantity"),
                rs.getInt("per_member"), instant(rs, "claim_opens_at"), instant(rs, "claim_closes_at"),
                instant(rs, "valid_from"), instant(rs, "valid_until"), e, rs.getString("status"), List.of());
    }

    static VoucherView voucher(ResultSet rs, int n) throws SQLException {
        return new VoucherView(rs.getLong("id"), rs.getLong("offer_id"), rs.getLong("member_id"), rs.getInt("serial_no"),
                rs.getString("code"), instant(rs, "claimed_at"), instant(rs, "redeemed_at"),
                rs.getObject("redeemed_by", Long.class), rs.getString("redeemed_outlet"));
    }
}
