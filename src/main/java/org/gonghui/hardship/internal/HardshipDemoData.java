package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the hardship archive, once on a platform without standards: 低保 standards of every district for
 * last and this year, the demo member's application registered and waiting for the township (sign in as
 * {@code nanmen} to check it, as {@code haishu} to approve it), and three approved archives of Haishu, one per tier.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class HardshipDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HardshipDemoData.class);

    private final HardshipApplications applications;
    private final MeansTestData data;
    private final Members members;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PlatformTime time;

    HardshipDemoData(HardshipApplications applications, MeansTestData data, Members members, Organisations organisations,
            JdbcClient jdbc, TransactionTemplate transactions, PlatformTime time) {
        this.applications = applications;
        this.data = data;
        this.members = members;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisations.findByCode("NB-HS-T01-E1").isEmpty()
                || jdbc.sql("select count(*) from hardship_standard").query(Long.class).single() > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> load());
        log.info("Hardship demo data loaded");
    }

    private void load() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        int year = time.today().getYear();
        int n = 0;
        for (OrganisationView district : organisations.children(city.id())) {
            BigDecimal monthly = new BigDecimal(1135 - 5 * (n++ % 4)).setScale(2);
            data.setStandard(district.id(), year - 1, monthly.subtract(new BigDecimal("55")), "demo");
            data.setStandard(district.id(), year, monthly, "demo");
        }
        OrganisationView point = organisations.findByCode("NB-HS-T01-E1").orElseThrow();
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView district = organisations.findByCode("NB-HS").orElseThrow();
        CurrentUser pointStaff = staff(1, point);
        CurrentUser townshipStaff = staff(2, township);
        CurrentUser districtStaff = staff(3, district);
        List<MemberView> people = members.search(point.treePath(), MemberQuery.all(), 0, PageResult.MAX_SIZE).items();
        if (people.size() < 4) {
            return;
        }
        MemberView demo = people.get(people.size() - 1);
        applications.applyAtWindow(pointStaff, demo.id(), household(demo, "28000", "9000", Cause.ILLNESS));
        String[][] others = {{"30000", "6000", "ILLNESS"}, {"55000", "4000", "UNEMPLOYMENT"}, {"150000", "0", "INJURY"}};
        for (int i = 0; i < others.length; i++) {
            MemberView m = people.get(i);
            ArchiveView a = applications.applyAtWindow(pointStaff, m.id(),
                    household(m, others[i][0], others[i][1], Cause.valueOf(others[i][2])));
            applications.check(townshipStaff, a.id(), "入户核实属实");
            applications.approve(districtStaff, a.id(), "同意建档");
        }
    }

    private Household household(MemberView member, String income, String medical, Cause cause) {
        String own = members.revealOwn(member.id(), PersonalField.ID_NUMBER);
        String child = "33020320120315" + String.format("%03d", (int) (member.id() % 1000));
        return new Household(List.of(
                new Household.Person(member.name(), own, Household.Relation.SELF, new BigDecimal(income)),
                new Household.Person(member.name().charAt(0) + "小宝", child + IdNumber.checkCharacter(child),
                        Household.Relation.CHILD, BigDecimal.ZERO)),
                new BigDecimal(medical), new BigDecimal("3000"), BigDecimal.ZERO, cause, "演示数据");
    }

    private static CurrentUser staff(long n, OrganisationView org) {
        return new CurrentUser(-100 - n, "demo-" + org.code(), "demo", null, org.id(), org.path(), null,
                EnumSet.of(Role.STAFF, Role.REVIEWER), false, true);
    }
}
