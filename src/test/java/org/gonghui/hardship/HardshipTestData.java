package org.gonghui.hardship;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.Household;
import org.gonghui.hardship.internal.Household.Person;
import org.gonghui.hardship.internal.Household.Relation;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;

/** Members, households and staff for the hardship tests (demo tree: NB → NB-HS → NB-HS-T01 → NB-HS-T01-E1). */
final class HardshipTestData {

    private HardshipTestData() {
    }

    static OrganisationView org(Organisations organisations, String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    static MemberView member(Members members, Organisations organisations, String orgCode) {
        return members.register(org(organisations, "NB").treePath(), new NewMember(Fixtures.unique("困测"),
                Fixtures.newIdNumber(), Fixtures.newPhone(), org(organisations, orgCode).id(), MemberType.IN_SERVICE,
                LocalDate.of(2015, 5, 1), null));
    }

    static CurrentUser staff(Organisations organisations, String code) {
        return Fixtures.staffAt(org(organisations, code), Role.STAFF, Role.REVIEWER);
    }

    /** A household of three with the given yearly income and medical costs (ID numbers new in this run). */
    static Household household(String income, String medical, Cause cause) {
        return new Household(List.of(
                new Person("申请人", Fixtures.newIdNumber(), Relation.SELF, new BigDecimal(income)),
                new Person("配偶", Fixtures.newIdNumber(), Relation.SPOUSE, BigDecimal.ZERO),
                new Person("孩子", Fixtures.newIdNumber(), Relation.CHILD, BigDecimal.ZERO)),
                new BigDecimal(medical), BigDecimal.ZERO, BigDecimal.ZERO, cause, "测试");
    }
}
