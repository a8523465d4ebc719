package org.gonghui.modelworker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.modelworker.allowance.AllowancePeriod;
import org.gonghui.modelworker.allowance.AllowanceRuns;
import org.gonghui.modelworker.allowance.AllowanceSchedules;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.modelworker.archive.NewModelWorker;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.PageResult;
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
 * Demo model workers on a fresh platform ({@code gonghui.demo=true}): the allowance schedules of the three levels,
 * the demo member as a city model worker, a retired provincial model worker whose attestation is overdue (held), a
 * national model worker who died last month (paid to the day of death), one not yet a member, and last month's run.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class ModelWorkerDemoData implements ApplicationRunner {

    private final ModelWorkerArchive archive;
    private final AllowanceSchedules schedules;
    private final AllowanceRuns runs;
    private final Members members;
    private final Organisations organisations;
    private final PlatformTime time;
    private final JdbcClient jdbc;

    ModelWorkerDemoData(ModelWorkerArchive archive, AllowanceSchedules schedules, AllowanceRuns runs, Members members,
            Organisations organisations, PlatformTime time, JdbcClient jdbc) {
        this.archive = archive;
        this.schedules = schedules;
        this.runs = runs;
        this.members = members;
        this.organisations = organisations;
        this.time = time;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<OrganisationView> city = organisations.findByCode("NB");
        Optional<OrganisationView> point = organisations.findByCode("NB-HS-T01-E1");
        if (city.isEmpty() || point.isEmpty()
                || jdbc.sql("select count(*) from model_allowance_schedule").query(Long.class).single() > 0) {
            return;
        }
        CurrentUser admin = new CurrentUser(0, "system", "system", null, city.get().id(), city.get().path(), null,
                EnumSet.of(Role.ADMIN, Role.STAFF), false, true);
        LocalDate since = LocalDate.of(2020, 1, 1);
        schedules.add(admin, ModelWorkerLevel.NATIONAL, since, AllowancePeriod.YEARLY, new BigDecimal("12000.00"), "全国劳模荣誉津贴");
        schedules.add(admin, ModelWorkerLevel.PROVINCIAL, since, AllowancePeriod.MONTHLY, new BigDecimal("500.00"), "省部级劳模荣誉津贴");
        schedules.add(admin, ModelWorkerLevel.CITY, since, AllowancePeriod.MONTHLY, new BigDecimal("300.00"), "市级劳模荣誉津贴");

        List<MemberView> people = members.search(point.get().treePath(), MemberQuery.all(), 0, PageResult.MAX_SIZE).items();
        if (people.size() < 4) {
            return;
        }
        LocalDate today = time.today();
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        long pointId = point.get().id();
        // the demo member (the last registered at the service point, see DemoData) and three colleagues
        register(admin, people.get(people.size() - 1), pointId, "宁波市劳动模范", ModelWorkerLevel.CITY, 2018,
                "制造业", LocalDate.of(2018, 5, 1));
        ModelWorkerView retiree = register(admin, people.get(0), pointId, "浙江省劳动模范", ModelWorkerLevel.PROVINCIAL,
                2009, "交通运输", LocalDate.of(2009, 5, 1));
        archive.record(admin, retiree.id(), LifeEvent.RETIRED, today.minusMonths(14).withDayOfMonth(1), null, "正常退休");
        ModelWorkerView national = register(admin, people.get(1), pointId, "全国劳动模范", ModelWorkerLevel.NATIONAL, 2005,
                "能源", LocalDate.of(2005, 5, 1));
        archive.record(admin, national.id(), LifeEvent.DECEASED, lastMonth.atDay(Math.min(12, lastMonth.lengthOfMonth())),
                null, null);
        archive.register(admin, new NewModelWorker("林海", "330203196803150015", pointId, "宁波市劳动模范",
                ModelWorkerLevel.CITY, 2012, "建筑业", "宁波建工集团", LocalDate.of(2012, 5, 1)));
        runs.run(admin, lastMonth);
    }

    private ModelWorkerView register(CurrentUser admin, MemberView member, long orgId, String title,
            ModelWorkerLevel level, int year, String sector, LocalDate from) {
        return archive.register(admin, new NewModelWorker(member.name(), members.revealOwn(member.id(), PersonalField.ID_NUMBER),
                orgId, title, level, year, sector, member.orgName(), from));
    }
}
