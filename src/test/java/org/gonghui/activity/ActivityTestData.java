package org.gonghui.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test members in a fresh enterprise under NB-HS-T01, and activity forms. */
@Component
class ActivityTestData {

    private final Organisations organisations;
    private final Members members;
    private final JdbcClient jdbc;

    ActivityTestData(Organisations organisations, Members members, JdbcClient jdbc) {
        this.organisations = organisations;
        this.members = members;
        this.jdbc = jdbc;
    }

    OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    CurrentUser staffAt(String code) {
        return Fixtures.staffAt(org(code), Role.STAFF);
    }

    /** {@code count} new active members in a new enterprise under NB-HS-T01; their ids in order. */
    List<Long> members(int count, MemberType type, boolean cardHolders) {
        OrganisationView township = org("NB-HS-T01");
        OrganisationView root = org("NB");
        OrganisationView enterprise = organisations.create(root.treePath(), township.id(), OrganisationKind.ENTERPRISE,
                Fixtures.unique("测试企业"), Fixtures.unique("T-ACT-"));
        List<NewMember> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String card = cardHolders ? Fixtures.newCardNumber() : null;
            rows.add(new NewMember("测试" + i, Fixtures.newIdNumber(), null, enterprise.id(), type,
                    PlatformZone.today().minusYears(1), card));
        }
        members.registerAll(rows, "activity test");
        return jdbc.sql("select id from member where org_id = :o order by id").param("o", enterprise.id())
                .query(Long.class).list();
    }

    static ActivityForm open(String title, int capacity, AllocationMode mode) {
        LocalDateTime now = PlatformZone.now();
        return new ActivityForm(title, ActivityCategory.TRAINING, "desc", null, "place", false, mode, capacity,
                now.minusHours(1), now.plusDays(2), now.plusDays(3), 24, Set.of(), null, false, null, null, null, false,
                false, now.plusDays(5).toLocalDate() + " 14:00 90");
    }

    static ActivityForm with(ActivityForm f, Integer monthlyLimit, ActivityCategory category) {
        return new ActivityForm(f.title(), category, f.description(), f.pictureUrl(), f.place(), f.online(), f.mode(),
                f.capacity(), f.opensAt(), f.closesAt(), f.cancelDeadline(), f.confirmHours(), f.memberTypes(),
                f.eligibleOrgId(), f.cardHoldersOnly(), f.minAge(), f.maxAge(), monthlyLimit, f.needsAddress(),
                f.weightedDraw(), f.sessions());
    }

    static ActivityForm withCapacity(ActivityForm f, int capacity) {
        return new ActivityForm(f.title(), f.category(), f.description(), f.pictureUrl(), f.place(), f.online(), f.mode(),
                capacity, f.opensAt(), f.closesAt(), f.cancelDeadline(), f.confirmHours(), f.memberTypes(),
                f.eligibleOrgId(), f.cardHoldersOnly(), f.minAge(), f.maxAge(), f.monthlyLimit(), f.needsAddress(),
                f.weightedDraw(), f.sessions());
    }
}
