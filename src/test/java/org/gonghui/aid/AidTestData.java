package org.gonghui.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.MeansTestData;
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

/**
 * Members, staff and hardship standings for the aid tests (demo tree: NB → NB-HS → NB-HS-T01 → NB-HS-T01-E1). A member
 * is put into the hardship archive the way staff do it (window application, township check, district approval) — the
 * one place these tests drive the hardship module.
 */
final class AidTestData {

    private final Members members;
    private final Organisations organisations;
    private final HardshipApplications archives;
    private final MeansTestData standards;

    AidTestData(Members members, Organisations organisations, HardshipApplications archives, MeansTestData standards) {
        this.members = members;
        this.organisations = organisations;
        this.archives = archives;
        this.standards = standards;
    }

    OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    MemberView member(String orgCode) {
        return members.register(org("NB").treePath(), new NewMember(Fixtures.unique("助测"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), org(orgCode).id(), MemberType.IN_SERVICE, LocalDate.of(2015, 5, 1), null));
    }

    /** Staff at the organisation with the roles (township checkers, district reviewers). */
    CurrentUser staff(String code, Role... roles) {
        return Fixtures.staffAt(org(code), roles.length == 0 ? new Role[] {Role.STAFF, Role.REVIEWER} : roles);
    }

    /** A new member of the service point, approved into the archive in deep hardship; answers the archive id. */
    long inArchive(MemberView member) {
        OrganisationView district = organisations.find(organisations.find(member.orgId()).orElseThrow().parentId())
                .flatMap(t -> organisations.find(t.parentId())).orElseThrow();
        OrganisationView townshipOrg = organisations.find(member.orgId()).flatMap(p -> organisations.find(p.parentId()))
                .orElseThrow();
        CurrentUser checker = Fixtures.staffAt(townshipOrg, Role.STAFF, Role.REVIEWER);
        CurrentUser approver = Fixtures.staffAt(district, Role.STAFF, Role.REVIEWER);
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        try {
            standards.standardFor(district.path(), year);
        } catch (RuntimeException missing) {
            standards.setStandard(district.id(), year, new BigDecimal("1000.00"), "aid-test");
        }
        ArchiveView applied = archives.applyAtWindow(checker, member.id(), household());
        archives.check(checker, applied.id(), "入户核实");
        archives.approve(approver, applied.id(), "同意");
        return applied.id();
    }

    /** The member leaves the archive (脱困). */
    void leave(long archiveId, MemberView member) {
        OrganisationView townshipOrg = organisations.find(member.orgId()).flatMap(p -> organisations.find(p.parentId()))
                .orElseThrow();
        archives.leave(Fixtures.staffAt(townshipOrg, Role.STAFF, Role.REVIEWER), archiveId, "就业增收，已脱困");
    }

    private static Household household() {
        return new Household(List.of(
                new Person("申请人", Fixtures.newIdNumber(), Relation.SELF, BigDecimal.ZERO),
                new Person("孩子", Fixtures.newIdNumber(), Relation.CHILD, BigDecimal.ZERO)),
                new BigDecimal("20000"), BigDecimal.ZERO, BigDecimal.ZERO, Cause.ILLNESS, "测试");
    }
}
