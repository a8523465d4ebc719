package org.gonghui.modelworker;

import java.time.LocalDate;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.member.PersonalField;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.modelworker.archive.NewModelWorker;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;

/** Members, staff and model workers for the model-worker tests. */
final class ModelWorkerTestData {

    private ModelWorkerTestData() {
    }

    static OrganisationView org(Organisations organisations, String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    static CurrentUser staff(Organisations organisations, String code, Role... roles) {
        return Fixtures.staffAt(org(organisations, code), roles.length == 0 ? new Role[] {Role.STAFF} : roles);
    }

    static MemberView member(Members members, Organisations organisations, String orgCode) {
        return members.register(org(organisations, "NB").treePath(), new NewMember(Fixtures.unique("劳模"),
                Fixtures.newIdNumber(), Fixtures.newPhone(), org(organisations, orgCode).id(), MemberType.IN_SERVICE,
                LocalDate.of(2010, 5, 1), null));
    }

    static NewModelWorker form(String idNumber, long orgId, ModelWorkerLevel level, LocalDate allowanceFrom) {
        return new NewModelWorker(Fixtures.unique("劳模"), idNumber, orgId, "宁波市劳动模范", level, 2015, "制造业",
                "宁波测试机械有限公司", allowanceFrom);
    }

    /** A model worker who is a member (linked by the ID number) at the organisation. */
    static ModelWorkerView memberWorker(ModelWorkerArchive archive, Members members, Organisations organisations,
            String orgCode, ModelWorkerLevel level, LocalDate allowanceFrom) {
        MemberView member = member(members, organisations, orgCode);
        String idNumber = members.revealOwn(member.id(), PersonalField.ID_NUMBER);
        return archive.register(staff(organisations, "NB"), form(idNumber, org(organisations, orgCode).id(), level,
                allowanceFrom));
    }
}
