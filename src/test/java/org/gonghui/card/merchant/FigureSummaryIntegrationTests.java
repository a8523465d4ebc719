package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.outlet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff figures come from the sums of {@link FigureSummary}: member-visits, discount and distinct members exact
 * across months and across folds (a member seen again in a later month or a later fold is not counted twice), by
 * every grouping and scope, equal to counting the redemptions themselves.
 */
@IntegrationTest
class FigureSummaryIntegrationTests {

    /** A year no other test redeems in, so the figures below are exactly these redemptions. */
    static final int YEAR = 2031;

    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Figures figures;
    @Autowired FigureSummary summary;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void distinctMembersStayExactAcrossMonthsAndFolds() {
        var m = MerchantTestData.approved(merchants, settings, organisations, application(Fixtures.unique("统计影城"),
                "cinema", outlet("一厅", 29.87, 121.55), outlet("二厅", 29.88, 121.55)));
        long o1 = m.outlets().get(0).id();
        long o2 = m.outlets().get(1).id();
        String haishu = organisations.findByCode("NB-HS-T01-E1").orElseThrow().path();
        String jiangbei = leafUnder("NB-JB");
        long a = 9_000_000_000L + System.nanoTime() % 1_000_000;
        long b = a + 1;
        redeem(m.id(), o1, a, haishu, 1, 1_000);
        redeem(m.id(), o1, a, haishu, 1, 500);
        redeem(m.id(), o2, a, haishu, 2, 700);
        redeem(m.id(), o1, b, jiangbei, 2, 300);
        summary.fold(true);
        // a comes back in March, after the fold: still one member in the year, at the merchant and at outlet 1
        redeem(m.id(), o1, a, haishu, 3, 100);

        CurrentUser city = Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.STAFF);
        CurrentUser district = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF);
        assertThat(lines(city, Figures.By.MONTH)).isEqualTo(Map.of("2031-01", "2/1/1500", "2031-02", "2/2/1000",
                "2031-03", "1/1/100"));
        assertThat(lines(city, Figures.By.MERCHANT)).isEqualTo(Map.of(m.id() + "", "5/2/2600"));
        assertThat(lines(city, Figures.By.OUTLET)).isEqualTo(Map.of(o1 + "", "4/2/1900", o2 + "", "1/1/700"));
        assertThat(lines(city, Figures.By.CATEGORY)).isEqualTo(Map.of("cinema", "5/2/2600"));
        long hs = organisations.findByCode("NB-HS").orElseThrow().id();
        long jb = organisations.findByCode("NB-JB").orElseThrow().id();
        assertThat(lines(city, Figures.By.ORGANISATION)).isEqualTo(Map.of(hs + "", "4/1/2300", jb + "", "1/1/300"));
        // the district sees its own member only
        assertThat(lines(district, Figures.By.MONTH)).isEqualTo(Map.of("2031-01", "2/1/1500", "2031-02", "1/1/700",
                "2031-03", "1/1/100"));
        assertThat(lines(district, Figures.By.MERCHANT)).isEqualTo(Map.of(m.id() + "", "4/1/2300"));
        long township = organisations.findByCode("NB-HS-T01").orElseThrow().id();
        assertThat(lines(district, Figures.By.ORGANISATION)).isEqualTo(Map.of(township + "", "4/1/2300"));
        // a township reads the sums per organisation path (the city and districts read them per district)
        CurrentUser townshipStaff = Fixtures.staffAt(organisations.findByCode("NB-HS-T01").orElseThrow(), Role.STAFF);
        assertThat(lines(townshipStaff, Figures.By.MERCHANT)).isEqualTo(Map.of(m.id() + "", "4/1/2300"));
        assertThat(lines(townshipStaff, Figures.By.OUTLET)).isEqualTo(Map.of(o1 + "", "3/1/1600", o2 + "", "1/1/700"));
        assertThat(lines(townshipStaff, Figures.By.MONTH)).isEqualTo(Map.of("2031-01", "2/1/1500", "2031-02", "1/1/700",
                "2031-03", "1/1/100"));
        // every redemption folded once
        assertThat(jdbc.sql("select count(*) from card_redemption where fold_batch is null and ym / 100 = :y")
                .param("y", YEAR).query(Long.class).single()).isZero();
    }

    @Test
    void aBulkLoadIsCountedInOnePassAndLaterFoldsKeepDistinctMembersExact() {
        int year = YEAR + 1;
        var m = MerchantTestData.approved(merchants, settings, organisations, application(Fixtures.unique("统计影城"),
                "cinema", outlet("一厅", 29.87, 121.55), outlet("二厅", 29.88, 121.55)));
        long o1 = m.outlets().get(0).id();
        long o2 = m.outlets().get(1).id();
        String haishu = organisations.findByCode("NB-HS-T01-E1").orElseThrow().path();
        String jiangbei = leafUnder("NB-JB");
        long a = 9_100_000_000L + System.nanoTime() % 1_000_000;
        long b = a + 1;
        long load = summary.loadBatch();
        redeem(m.id(), o1, a, haishu, year, 1, 1_000, load);
        redeem(m.id(), o1, a, haishu, year, 1, 500, load);
        redeem(m.id(), o2, a, haishu, year, 2, 700, load);
        redeem(m.id(), o1, b, jiangbei, year, 2, 300, load);
        summary.fold(true);
        assertThat(jdbc.sql("select count(*) from card_redemption where fold_batch = :b").param("b", load)
                .query(Long.class).single()).as("a fold leaves a load to foldLoaded").isEqualTo(4);
        assertThat(summary.foldLoaded(load)).isEqualTo(4);
        assertThat(summary.foldLoaded(load)).as("counted once").isZero();
        // a comes back in March through the till: folded as usual, still one member in the year
        redeem(m.id(), o1, a, haishu, year, 3, 100, null);

        CurrentUser city = Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.STAFF);
        CurrentUser district = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF);
        assertThat(lines(city, year, Figures.By.MONTH)).isEqualTo(Map.of(year + "-01", "2/1/1500", year + "-02", "2/2/1000",
                year + "-03", "1/1/100"));
        assertThat(lines(city, year, Figures.By.MERCHANT)).isEqualTo(Map.of(m.id() + "", "5/2/2600"));
        assertThat(lines(city, year, Figures.By.OUTLET)).isEqualTo(Map.of(o1 + "", "4/2/1900", o2 + "", "1/1/700"));
        long hs = organisations.findByCode("NB-HS").orElseThrow().id();
        long jb = organisations.findByCode("NB-JB").orElseThrow().id();
        assertThat(lines(city, year, Figures.By.ORGANISATION)).isEqualTo(Map.of(hs + "", "4/1/2300", jb + "", "1/1/300"));
        assertThat(lines(district, year, Figures.By.MERCHANT)).isEqualTo(Map.of(m.id() + "", "4/1/2300"));
        CurrentUser townshipStaff = Fixtures.staffAt(organisations.findByCode("NB-HS-T01").orElseThrow(), Role.STAFF);
        assertThat(lines(townshipStaff, year, Figures.By.OUTLET)).isEqualTo(Map.of(o1 + "", "3/1/1600", o2 + "", "1/1/700"));
    }

    @Test
    void theSumsEqualCountingTheRedemptionsForEveryGrouping() {
        CurrentUser city = Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.STAFF);
        int year = org.gonghui.support.PlatformZone.today().getYear();
        for (Figures.By by : Figures.By.values()) {
            if (by == Figures.By.ORGANISATION) {
                continue; // folded into districts in Java from the same rows
            }
            String column = switch (by) {
                case MERCHANT -> "card_merchant_id";
                case CATEGORY -> "category";
                case OUTLET -> "outlet_id";
                case MONTH -> "ym";
                default -> throw new IllegalStateException();
            };
            Map<String, String> sums = figures.of(city, year, by).stream().collect(Collectors.toMap(
                    l -> by == Figures.By.MONTH ? l.key().replace("-", "") : l.key(),
                    l -> l.visits() + "/" + l.members() + "/" + l.discountFen()));
            Map<String, String> counted = jdbc.sql("select " + column + " as k, count(*) as v, count(distinct member_id) as n, "
                    + "sum(discount_fen) as d from card_redemption where ym / 100 = :y group by " + column)
                    .param("y", year).query((rs, n) -> new String[] {rs.getString("k"),
                            rs.getLong("v") + "/" + rs.getLong("n") + "/" + rs.getLong("d")})
                    .list().stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
            assertThat(sums).as(by.name()).isEqualTo(counted);
        }
    }

    private Map<String, String> lines(CurrentUser user, Figures.By by) {
        return lines(user, YEAR, by);
    }

    private Map<String, String> lines(CurrentUser user, int year, Figures.By by) {
        return figures.of(user, year, by).stream().collect(Collectors.toMap(
                l -> by == Figures.By.MONTH ? l.label() : l.key(),
                l -> l.visits() + "/" + l.members() + "/" + l.discountFen()));
    }

    private String leafUnder(String code) {
        String path = organisations.findByCode(code).orElseThrow().path();
        List<String> leaves = jdbc.sql("select path from organisation where path like :p and path <> :q order by id")
                .param("p", path + "%").param("q", path).query(String.class).list();
        return leaves.isEmpty() ? path : leaves.get(0);
    }

    private void redeem(long merchantId, long outletId, long memberId, String orgPath, int month, long discountFen) {
        redeem(merchantId, outletId, memberId, orgPath, YEAR, month, discountFen, null);
    }

    private void redeem(long merchantId, long outletId, long memberId, String orgPath, int year, int month,
            long discountFen, Long foldBatch) {
        jdbc.sql("""
                insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id,
                  member_org_path, category, bill_fen, discount_fen, redeemed_at, ym, by_user, fold_batch)
                values (:m, :o, :k, 1, '************0000', :member, :path, 'cinema', 10000, :off, :at, :ym, 'test',
                  cast(:fold as bigint))""")
                .param("m", merchantId).param("o", outletId).param("k", UUID.randomUUID().toString())
                .param("member", memberId).param("path", orgPath).param("off", discountFen)
                .param("at", Timestamp.from(Instant.parse(year + "-0" + month + "-10T04:00:00Z")))
                .param("ym", year * 100 + month).param("fold", foldBatch).update();
    }
}
