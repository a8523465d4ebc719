package org.gonghui.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantReview;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.aid.grant.SchoolLevel;
import org.gonghui.aid.heat.HeatVisits;
import org.gonghui.aid.wish.Wishes;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.hardship.HardshipStanding;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo aid on a fresh platform ({@code gonghui.demo=true}), after the hardship archive's demo data: this year's budgets
 * of every district and park; for members of Haishu's first enterprise who stand in the archive, the demo member's
 * school-aid application and micro-wish, another member's approved living aid and an open wish; a township's heat
 * visits. Whatever the archive does not allow (nobody in it yet) is left out.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class AidDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AidDemoData.class);

    private final Budgets budgets;
    private final Grants grants;
    private final GrantReview review;
    private final Wishes wishes;
    private final HeatVisits heat;
    private final HardshipArchives archives;
    private final Members members;
    private final Organisations organisations;
    private final PlatformTime time;
    private final JdbcClient jdbc;

    AidDemoData(Budgets budgets, Grants grants, GrantReview review, Wishes wishes, HeatVisits heat,
            HardshipArchives archives, Members members, Organisations organisations, PlatformTime time, JdbcClient jdbc) {
        this.budgets = budgets;
        this.grants = grants;
        this.review = review;
        this.wishes = wishes;
        this.heat = heat;
        this.archives = archives;
        this.members = members;
        this.organisations = organisations;
        this.time = time;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        OrganisationView city = organisations.findByCode("NB").orElse(null);
        if (city == null || jdbc.sql("select count(*) from aid_budget").query(Long.class).single() > 0) {
            return;
        }
        CurrentUser admin = officer(city, "demo-aid-admin", Role.ADMIN, Role.STAFF, Role.REVIEWER);
        int year = time.today().getYear();
        Map<AidKind, String> amounts = Map.of(AidKind.LIVING, "500000", AidKind.MEDICAL, "300000",
                AidKind.FESTIVAL, "400000", AidKind.SCHOOL, "600000");
        for (OrganisationView district : organisations.children(city.id())) {
            for (AidKind kind : AidKind.values()) {
                budgets.set(admin, district.id(), kind, year, new BigDecimal(amounts.get(kind)));
                if (kind == AidKind.SCHOOL && time.today().getMonthValue() < 7) {
                    budgets.set(admin, district.id(), kind, year - 1, new BigDecimal(amounts.get(kind)));
                }
            }
        }
        OrganisationView haishu = organisations.findByCode("NB-HS").orElseThrow();
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        CurrentUser checker = officer(township, "nanmen", Role.STAFF, Role.REVIEWER);
        CurrentUser approver = officer(haishu, "haishu", Role.STAFF, Role.REVIEWER);
        heatVisits(township, checker, approver);
        int made = organisations.findByCode("NB-HS-T01-E1").map(point -> grantsAndWishes(point, checker, approver)).orElse(0);
        log.info("Aid demo data loaded: budgets of {} organisations, {} grants and wishes", organisations.children(city.id()).size(), made);
    }

    private int grantsAndWishes(OrganisationView point, CurrentUser checker, CurrentUser approver) {
        List<MemberView> all = members.search(point.treePath(), MemberQuery.all(), 0, PageResult.MAX_SIZE).items();
        if (all.isEmpty()) {
            return 0;
        }
        MemberView demo = all.get(all.size() - 1);
        Map<Long, HardshipStanding> standing = archives.current(all.stream().map(MemberView::id).toList());
        int made = 0;
        if (standing.containsKey(demo.id())) {
            made += attempt(() -> grants.applyForSchoolAid(demo.id(), demo.name().charAt(0) + "小雨", childId(demo.id()),
                    SchoolLevel.JUNIOR_HIGH, "宁波市第七中学"));
            made += attempt(() -> wishes.post(demo.id(), "一个新书包", "孩子升初中了，旧书包背了四年已经破了", new BigDecimal("150.00")));
        }
        List<MemberView> others = new ArrayList<>(all.stream().filter(m -> m.id() != demo.id() && standing.containsKey(m.id())).toList());
        for (int i = 0; i < Math.min(3, others.size()); i++) {
            MemberView member = others.get(i);
            int index = i;
            made += attempt(() -> {
                GrantView applied = grants.applyForHardshipAid(member.id(), index == 1 ? AidKind.MEDICAL : AidKind.LIVING,
                        new BigDecimal(index == 2 ? "4000.00" : "1500.00"), index == 1 ? "住院自付费用较高" : "家庭收入低于最低生活标准");
                GrantView checked = review.check(checker, applied.id(), applied.version(), null, "入户核实");
                return index == 0 ? review.approve(approver, checked.id(), checked.version()) : checked;
            });
            made += attempt(() -> wishes.post(member.id(), index % 2 == 0 ? "一件冬衣" : "一套课外书",
                    index % 2 == 0 ? "冬天快到了，想给老人添一件棉衣" : "孩子喜欢读书，想要一套科普读物", new BigDecimal("200.00")));
        }
        return made;
    }

    private void heatVisits(OrganisationView township, CurrentUser recorder, CurrentUser signer) {
        LocalDate today = time.today();
        LocalDate summer = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 7, 20);
        String[][] visits = {{"环卫工人", "南门街道环卫所", "38", "绿豆汤、毛巾、清凉油、藿香正气水", "1520.00"},
                {"外卖骑手", "南门商圈骑手驿站", "25", "冰镇饮料、防晒袖套、风油精", "750.00"},
                {"建筑工人", "轨道交通5号线工地", "60", "西瓜、防暑药品、遮阳帽", "2400.00"}};
        for (int i = 0; i < visits.length; i++) {
            String[] v = visits[i];
            LocalDate on = summer.plusDays(i * 3L);
            int index = i;
            attempt(() -> {
                var visit = heat.record(recorder, new HeatVisits.Visit(on, v[0], v[1], Integer.valueOf(v[2]), v[3],
                        new BigDecimal(v[4])));
                return index < 2 ? heat.signOff(signer, visit.id()) : visit;
            });
        }
    }

    /** A valid child ID number of 2013, different per parent. */
    private static String childId(long memberId) {
        String first17 = "330203" + "20130915" + String.format("%03d", memberId % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static int attempt(java.util.function.Supplier<?> step) {
        try {
            step.get();
            return 1;
        } catch (RuntimeException e) {
            log.debug("demo aid step skipped: {}", e.getMessage());
            return 0;
        }
    }

    private static CurrentUser officer(OrganisationView org, String name, Role... roles) {
        return new CurrentUser(0, name, name, null, org.id(), org.path(), null, EnumSet.of(roles[0], roles), false, true);
    }
}
