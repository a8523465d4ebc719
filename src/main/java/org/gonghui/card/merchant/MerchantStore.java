package org.gonghui.card.merchant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The merchant network's tables: merchants and outlets. */
@Repository
class MerchantStore {

    private final JdbcClient jdbc;

    MerchantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MerchantView> find(long id) {
        return jdbc.sql("select * from card_merchant where id = :id").param("id", id).query(MerchantStore::view).optional();
    }

    Optional<MerchantView> lock(long id) {
        return jdbc.sql("select * from card_merchant where id = :id for update").param("id", id)
                .query(MerchantStore::view).optional();
    }

    Optional<MerchantView> bySignIn(long merchantId) {
        return jdbc.sql("select * from card_merchant where merchant_id = :m").param("m", merchantId)
                .query(MerchantStore::view).optional();
    }

    List<MerchantView> all() {
        return jdbc.sql("select * from card_merchant order by id").query(MerchantStore::view).list();
    }

    List<OutletView> outlets(long cardMerchantId) {
        return jdbc.sql("""
                select o.*, m.name as merchant_name from card_outlet o join card_merchant m on m.id = o.card_merchant_id
                where o.card_merchant_id = :m order by o.id""").param("m", cardMerchantId)
                .query((rs, n) -> outlet(rs, 0)).list();
    }

    Optional<OutletView> outlet(long outletId) {
        return jdbc.sql("""
                select o.*, m.name as merchant_name from card_outlet o join card_merchant m on m.id = o.card_merchant_id
                where o.id = :id""").param("id", outletId).query((rs, n) -> outlet(rs, 0)).optional();
    }

    List<Offers.Discount> discounts(long merchantId) {
        return jdbc.sql("select * from card_discount where card_merchant_id = :m and active order by id")
                .param("m", merchantId).query((rs, n) -> {
                    long outletId = rs.getLong("outlet_id");
                    Long outlet = rs.wasNull() ? null : outletId;
                    return new Offers.Discount(rs.getLong("id"), merchantId, outlet, rs.getString("title"),
                            DiscountKind.valueOf(rs.getString("kind")), rs.getLong("amount"));
                }).list();
    }

    List<Offers.Campaign> campaigns(long merchantId) {
        return jdbc.sql(Offers.CAMPAIGN + " where c.card_merchant_id = :m order by c.starts_at desc, c.id desc")
                .param("m", merchantId).query((rs, n) -> Offers.campaign(rs)).list();
    }

    long insertOutlet(long cardMerchantId, OutletForm o, List<String> categories, boolean live) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_outlet (card_merchant_id, name, address, district, opening_hours, lat, lng)
                values (:m, :n, :a, :d, :h, :lat, :lng)""").param("m", cardMerchantId).param("n", o.name().strip())
                .param("a", o.address().strip()).param("d", o.district().strip()).param("h", o.openingHours().strip())
                .param("lat", o.lat()).param("lng", o.lng()).update(keys, "id");
        long id = keys.getKey().longValue();
        for (String category : categories) {
            jdbc.sql("insert into card_outlet_category (outlet_id, category, lat, lng, live) values (:o, :c, :lat, :lng, :live)")
                    .param("o", id).param("c", category).param("lat", o.lat()).param("lng", o.lng()).param("live", live)
                    .update();
        }
        return id;
    }

    void updateOutlet(long outletId, OutletForm o) {
        jdbc.sql("""
                update card_outlet set name = :n, address = :a, district = :d, opening_hours = :h, lat = :lat, lng = :lng
                where id = :id""").param("n", o.name().strip()).param("a", o.address().strip())
                .param("d", o.district().strip()).param("h", o.openingHours().strip()).param("lat", o.lat())
                .param("lng", o.lng()).param("id", outletId).update();
        jdbc.sql("update card_outlet_category set lat = :lat, lng = :lng where outlet_id = :id").param("lat", o.lat())
                .param("lng", o.lng()).param("id", outletId).update();
    }

    void setLive(long cardMerchantId, boolean live) {
        jdbc.sql("""
                update card_outlet_category set live = :live
                where outlet_id in (select id from card_outlet where card_merchant_id = :m)""")
                .param("live", live).param("m", cardMerchantId).update();
    }

    static MerchantView view(ResultSet rs, int n) throws SQLException {
        long signIn = rs.getLong("merchant_id");
        Long merchantId = rs.wasNull() ? null : signIn;
        return new MerchantView(rs.getLong("id"), merchantId, rs.getString("name"),
                rs.getString("licence_code"), Arrays.asList(rs.getString("categories").split(",")),
                rs.getString("committed_discount"), rs.getString("contact_name"), rs.getString("contact_phone_masked"),
                MerchantStatus.valueOf(rs.getString("status")), rs.getString("applied_by"),
                rs.getTimestamp("applied_at").toInstant(), rs.getString("approved_by"), rs.getString("decision_note"),
                rs.getString("contract_no"), date(rs.getDate("contract_from")), date(rs.getDate("contract_until")),
                rs.getString("exit_side"), rs.getString("exit_reason"), date(rs.getDate("exit_noticed_on")),
                date(rs.getDate("discounts_stop_on")), rs.getBoolean("flagged"), rs.getString("flag_reason"));
    }

    static OutletView outlet(ResultSet rs, long metres) throws SQLException {
        return new OutletView(rs.getLong("id"), rs.getLong("card_merchant_id"), rs.getString("merchant_name"),
                rs.getString("name"), rs.getString("address"), rs.getString("district"), rs.getString("opening_hours"),
                rs.getDouble("lat"), rs.getDouble("lng"), metres);
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    static Timestamp ts(java.time.Instant i) {
        return Timestamp.from(i);
    }
}
