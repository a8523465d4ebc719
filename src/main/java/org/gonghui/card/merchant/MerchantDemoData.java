package org.gonghui.card.merchant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.gonghui.activity.Merchants;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo merchant network on a fresh platform ({@code gonghui.demo=true}): the demo cinema (sign-in {@code cinema})
 * joins the 5·1 card's network with two outlets, 20% off and a campaign of 10 yuan off (twice per member); a
 * restaurant and a supermarket are listed too, and one applicant waits for selection.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class MerchantDemoData implements ApplicationRunner {

    private final CardMerchants merchants;
    private final Offers offers;
    private final MerchantSettings settings;
    private final Merchants signIns;
    private final Organisations organisations;
    private final PlatformTime time;
    private final JdbcClient jdbc;

    MerchantDemoData(CardMerchants merchants, Offers offers, MerchantSettings settings, Merchants signIns,
            Organisations organisations, PlatformTime time, JdbcClient jdbc) {
        this.merchants = merchants;
        this.offers = offers;
        this.settings = settings;
        this.signIns = signIns;
        this.organisations = organisations;
        this.time = time;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        OrganisationView city = organisations.findByCode("NB").orElse(null);
        if (city == null || jdbc.sql("select count(*) from card_merchant").query(Long.class).single() > 0) {
            return;
        }
        CurrentUser registrar = officer(city, "system");
        CurrentUser reviewer = officer(city, "demo-reviewer");
        CurrentUser approver = officer(city, "demo-approver");
        LocalDate today = time.today();
        Instant now = time.now();
        var cinemaSignIn = signIns.all().stream().filter(m -> m.name().equals("甬城影城")).findFirst();
        long cinema = cinemaSignIn.isPresent()
                ? merchants.registerExisting(registrar, cinema(), cinemaSignIn.get().id())
                : merchants.register(registrar, cinema());
        long restaurant = merchants.register(registrar, new MerchantApplication("老宁波菜馆", code("91330203MA2AB1C2D"),
                List.of("dining"), "持卡会员 9 折", "陈经理", "13805741234", List.of(
                        new OutletForm("鼓楼店", "海曙区公园路 88 号", "海曙区", "10:30-21:00", 29.8746, 121.5488),
                        new OutletForm("老外滩店", "江北区中马路 12 号", "江北区", "11:00-22:00", 29.8780, 121.5590))));
        long market = merchants.register(registrar, new MerchantApplication("甬惠超市", code("91330212MA2CD3E4F"),
                List.of("supermarket"), "持卡会员满 100 减 10", "林经理", "13905745678", List.of(
                        new OutletForm("鄞州店", "鄞州区钱湖北路 200 号", "鄞州区", "08:00-22:00", 29.8120, 121.5560))));
        for (long id : List.of(cinema, restaurant, market)) {
            settings.criteria().forEach(c -> merchants.check(reviewer, id, c, true, "材料齐全，现场核实"));
            merchants.approve(approver, id, "NBZGH-TY-" + id, today.minusMonths(1), today.plusYears(2).minusMonths(1), "同意加入");
        }
        offers.addDiscount(approver, cinema, null, "持卡会员 8 折", DiscountKind.PERCENT, 20);
        offers.addCampaign(approver, cinema, "五一观影立减 10 元", DiscountKind.AMOUNT, 1_000, 500_000, 2,
                now.minusSeconds(3_600), now.plusSeconds(30L * 24 * 3_600));
        offers.addDiscount(approver, restaurant, null, "持卡会员 9 折", DiscountKind.PERCENT, 10);
        offers.addDiscount(approver, market, null, "满 100 减 10（按 10 元计）", DiscountKind.AMOUNT, 1_000);
        merchants.apply(new MerchantApplication("天一健身", code("91330203MA2EF5G6H"), List.of("health"),
                "持卡会员月卡 7 折", "周女士", "13705749876", List.of(
                        new OutletForm("天一店", "海曙区中山东路 1 号", "海曙区", "06:00-22:00", 29.8716, 121.5520))));
    }

    private static MerchantApplication cinema() {
        return new MerchantApplication("甬城影城", code("91330203MA2XY7W8K"), List.of("cinema"), "持卡会员 8 折，周末立减 10 元",
                "李经理", "13605741111", List.of(
                        new OutletForm("天一广场店", "海曙区中山东路天一广场 5 楼", "海曙区", "09:00-24:00", 29.8713, 121.5540),
                        new OutletForm("鄞州万达店", "鄞州区四明中路 999 号万达广场 4 楼", "鄞州区", "09:30-24:00", 29.8190, 121.5610)));
    }

    private static String code(String first17) {
        return first17 + CreditCode.checkFor(first17);
    }

    private static CurrentUser officer(OrganisationView city, String name) {
        return new CurrentUser(0, name, name, null, city.id(), city.path(), null, EnumSet.of(Role.ADMIN, Role.STAFF),
                false, true);
    }
}
