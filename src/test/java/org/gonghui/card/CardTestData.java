package org.gonghui.card;

import java.time.LocalDate;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.support.Fixtures;

/** Members and cards for the card tests. */
final class CardTestData {

    private CardTestData() {
    }

    static OrganisationView org(Organisations organisations, String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    static TreePath city(Organisations organisations) {
        return org(organisations, "NB").treePath();
    }

    /** A new member at the organisation, with a card number entered in the registry (or none). */
    static MemberView member(Members members, Organisations organisations, String orgCode, String cardNumber) {
        return members.register(city(organisations), new NewMember(Fixtures.unique("卡测"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), org(organisations, orgCode).id(), MemberType.IN_SERVICE, LocalDate.of(2020, 5, 1),
                cardNumber));
    }

}
