package org.gonghui.helpdesk;

import java.util.EnumSet;
import java.util.Map;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;
import org.springframework.stereotype.Component;

/**
 * The demo tree as the help desk tests use it: Haishu (NB-HS), its township Nanmen (NB-HS-T01) with an enterprise
 * service point (NB-HS-T01-E1) and a community station (NB-HS-T01-C1), another township (NB-HS-T02), and Jiangbei.
 */
@Component
class HelpdeskScenario {

    final HelpRequests requests;
    final Organisations organisations;
    final Members members;

    HelpdeskScenario(HelpRequests requests, Organisations organisations, Members members) {
        this.requests = requests;
        this.organisations = organisations;
        this.members = members;
    }

    private static final java.util.concurrent.atomic.AtomicInteger TOWNSHIPS = new java.util.concurrent.atomic.AtomicInteger();

    /** A new township under Jiangbei with a community station and an enterprise service point, for tests that count. */
    OrganisationView newTownship() {
        int n = TOWNSHIPS.incrementAndGet();
        String code = "HD-T" + n + "-" + Fixtures.unique("");
        OrganisationView township = organisations.create(org("NB").treePath(), org("NB-JB").id(),
                org.gonghui.organisation.OrganisationKind.TOWNSHIP, "测试街道" + code, code);
        organisations.create(org("NB").treePath(), township.id(), org.gonghui.organisation.OrganisationKind.COMMUNITY,
                "测试社区" + code, code + "-C1");
        organisations.create(org("NB").treePath(), township.id(), org.gonghui.organisation.OrganisationKind.ENTERPRISE,
                "测试企业" + code, code + "-E1");
        return township;
    }

    OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    CurrentUser staff(String code) {
        return Fixtures.staffAt(org(code), Role.STAFF);
    }

    /** A new member registered at the organisation with this code. */
    MemberView member(String code) {
        return person(code).member();
    }

    /** A member with the clear values tests need: their phone and ID number. */
    record Person(MemberView member, String phone, String idNumber) {
    }

    Person person(String code) {
        String phone = Fixtures.newPhone();
        String idNumber = Fixtures.newIdNumber();
        MemberView member = members.register(org("NB").treePath(), new NewMember("求助" + Fixtures.unique("人"), idNumber,
                phone, org(code).id(), MemberType.IN_SERVICE, PlatformZone.today().minusYears(2), null));
        return new Person(member, phone, idNumber);
    }

    static CurrentUser self(MemberView member) {
        return new CurrentUser(600_000 + member.id(), "member:" + member.id(), member.name(), null, null, null,
                member.id(), EnumSet.of(Role.MEMBER), false, true);
    }

    static NewHelpRequest consultation(String subject) {
        return new NewHelpRequest(RequestType.CONSULTATION, "CONSULT_POLICY", subject, "我想了解职工疗休养政策。\n谢谢。",
                Map.of(), false, null);
    }

    static NewHelpRequest wagesComplaint(String subject, boolean againstEmployer) {
        return new NewHelpRequest(RequestType.COMPLAINT, "COMPLAINT_WAGES", subject, "公司已经三个月没有发工资。",
                Map.of("employer", "宁波某某有限公司", "amountOwed", "15000"), againstEmployer, null);
    }

    HelpRequestView submit(MemberView member, NewHelpRequest form) {
        return requests.submit(self(member), form, Channel.PORTAL);
    }
}
