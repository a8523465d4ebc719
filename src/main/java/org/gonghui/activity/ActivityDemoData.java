package org.gonghui.activity;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberType;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.DemoAccounts;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo activities and welfare on a fresh platform ({@code gonghui.demo=true}): swimming lessons open now, a
 * DIY kit repeating weekly from next Tuesday 10:00, a tea-art lottery, a 1-yuan film and a 1-cent bus ride, and a
 * cinema and a bus-line merchant (sign-in {@code cinema} and {@code busline} / {@value #MERCHANT_PASSWORD}), whose
 * accounts the sign-in page lists.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class ActivityDemoData implements ApplicationRunner, DemoAccounts {

    static final String MERCHANT_PASSWORD = "Merchant2026";
    /** The demo merchants' sign-in names; their labels are the messages {@code demo.account.merchant.<name>}. */
    static final List<String> MERCHANT_LOGINS = List.of("cinema", "busline");

    private final Activities activities;
    private final Welfare welfare;
    private final Merchants merchants;
    private final Organisations organisations;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final PlatformTime time;
    private volatile List<String> merchantLogins = List.of();

    ActivityDemoData(Activities activities, Welfare welfare, Merchants merchants, Organisations organisations,
            Accounts accounts, JdbcClient jdbc, MessageSource messages, PlatformTime time) {
        this.time = time;
        this.activities = activities;
        this.welfare = welfare;
        this.merchants = merchants;
        this.organisations = organisations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The demo merchants' accounts that exist, labelled in the request's language. */
    @Override
    public List<DemoAccount> accounts() {
        Locale locale = LocaleContextHolder.getLocale();
        return merchantLogins.stream().map(login -> new DemoAccount(
                messages.getMessage("demo.account.merchant." + login, null, locale), login, MERCHANT_PASSWORD)).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
        List<String> existing = jdbc.sql("select account_id from merchant_account order by merchant_id")
                .query(Long.class).list().stream().flatMap(id -> accounts.principal(id).stream())
                .map(CurrentUser::getUsername).toList();
        merchantLogins = MERCHANT_LOGINS.stream().filter(existing::contains).toList();
    }

    private void load() {
        if (jdbc.sql("select count(*) from activity").query(Long.class).single() > 0) {
            return;
        }
        OrganisationView city = organisations.findByCode("NB").orElse(null);
        if (city == null) {
            return;
        }
        CurrentUser staff = new CurrentUser(0, "system", "system", null, city.id(), city.path(), null,
                EnumSet.of(Role.ADMIN, Role.STAFF), false, true);
        LocalDateTime now = LocalDateTime.now(time.clock()).withSecond(0).withNano(0);
        LocalDate saturday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        activities.publish(staff, new ActivityForm("暑期游泳培训班（成人初级）", ActivityCategory.TRAINING,
                "专业教练授课，共 4 次课，自备泳衣泳帽。", null, "宁波市游泳健身中心", false, AllocationMode.FIRST_COME, 30,
                now.minusHours(1), now.plusDays(5), now.plusDays(6), 24, Set.of(MemberType.IN_SERVICE, MemberType.MIGRANT),
                null, false, 18, 55, 2, false, false,
                saturday + " 09:00 90\n" + saturday.plusDays(7) + " 09:00 90\n" + saturday.plusDays(14) + " 09:00 90\n"
                        + saturday.plusDays(21) + " 09:00 90"));
        LocalDateTime tuesday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(10, 0);
        LocalDate sunday = tuesday.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        activities.publish(staff, new ActivityForm("每周 DIY：手工香囊材料包", ActivityCategory.DIY_KIT,
                "每周二 10:00 开抢，材料包寄到家，周日下午跟着视频一起做，约 90 分钟。", null, null, true,
                AllocationMode.FIRST_COME, 200, tuesday, tuesday.plusDays(2), tuesday.plusDays(1), 24, Set.of(), null, false,
                null, null, null, true, false, sunday + " 14:00 90", true, null));
        activities.publish(staff, new ActivityForm("茶艺体验课（抽签）", ActivityCategory.CULTURE_SPORT,
                "报名截止后公开抽签，未中签者进入候补。", null, "天一阁茶艺馆", false, AllocationMode.LOTTERY, 20,
                now.minusHours(1), now.plusDays(3), now.plusDays(4), 12, Set.of(), null, false, null, null, null, false, true,
                saturday.plusDays(7) + " 14:00 120"));
        activities.publish(staff, new ActivityForm("亲子定向越野", ActivityCategory.PARENT_CHILD,
                "家长带孩子一起完成定向任务。", null, "东钱湖", false, AllocationMode.FIRST_COME, 2, now.minusHours(1),
                now.plusDays(3), now.plusDays(4), 24, Set.of(), null, false, null, null, null, false, false,
                saturday.plusDays(1) + " 09:00 180"));
        var cinema = merchants.create(staff, "甬城影城", "天一广场店、鄞州万达店", MERCHANT_LOGINS.get(0), MERCHANT_PASSWORD);
        welfare.publish(staff, new WelfareOfferForm("一元看大片", "持卡会员 1 元观看指定影片，每人限领 1 张。",
                new BigDecimal("1.00"), 500, 1, now.minusHours(1), now.plusDays(7), now.minusHours(1), now.plusDays(30),
                Set.of(), null, true, null, null, Set.of(cinema.id())));
        var bus = merchants.create(staff, "宁波公交", "全市公交线路", MERCHANT_LOGINS.get(1), MERCHANT_PASSWORD);
        welfare.publish(staff, new WelfareOfferForm("1 分钱坐公交", "会员每人每月限领 4 张。", new BigDecimal("0.01"), 10000, 4,
                now.minusHours(1), now.plusDays(30), now.minusHours(1), now.plusDays(60), Set.of(), null, false, null, null,
                Set.of(bus.id())));
    }
}
