package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.gonghui.account.AccountView;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every search on typed text matches {@code %} and {@code _} as the characters they are, never as wildcards. */
@IntegrationTest
class LikeSearchIntegrationTests {

    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired Members members;

    private OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    @Test
    void organisationSearchTakesWildcardsLiterally() {
        String tag = Fixtures.unique("通配");
        OrganisationView underscore = organisations.create(org("NB").treePath(), org("NB-HS-T01").id(),
                OrganisationKind.ENTERPRISE, tag + "甲_乙工会", Fixtures.unique("LK-"));
        OrganisationView plain = organisations.create(org("NB").treePath(), org("NB-HS-T01").id(),
                OrganisationKind.ENTERPRISE, tag + "甲丙乙工会", Fixtures.unique("LK-"));

        assertThat(organisations.search(org("NB-HS").treePath(), tag + "甲_乙", null, false, 0, 50).items())
                .extracting(OrganisationView::id).containsExactly(underscore.id());
        assertThat(organisations.search(org("NB-HS").treePath(), "%", null, false, 0, 50).items()).isEmpty();
        assertThat(organisations.search(org("NB-HS").treePath(), tag, null, false, 0, 50).items())
                .extracting(OrganisationView::id).containsExactlyInAnyOrder(underscore.id(), plain.id());
    }

    @Test
    void staffAccountSearchTakesWildcardsLiterally() {
        CurrentUser manager = Fixtures.staffAt(org("NB-HS"), Role.ADMIN, Role.STAFF);
        String tag = Fixtures.unique("lk");
        AccountView underscore = accounts.createStaff(manager, tag + "_a", "通配一", "Wildcard2026pw", org("NB-HS").id(),
                EnumSet.of(Role.STAFF));
        AccountView plain = accounts.createStaff(manager, tag + "xa", "通配二", "Wildcard2026pw", org("NB-HS").id(),
                EnumSet.of(Role.STAFF));

        assertThat(accounts.staffInScope(manager, tag + "_", 0, 50).items()).extracting(AccountView::id)
                .containsExactly(underscore.id());
        assertThat(accounts.staffInScope(manager, "%", 0, 50).items()).isEmpty();
        assertThat(accounts.staffInScope(manager, tag, 0, 50).items()).extracting(AccountView::id)
                .containsExactlyInAnyOrder(underscore.id(), plain.id());
    }

    @Test
    void memberNameSearchTakesWildcardsLiterally() {
        assertThat(members.search(org("NB").treePath(), new MemberQuery("%", null, null, null), 0, 20).items()).isEmpty();
        assertThat(members.search(org("NB").treePath(), new MemberQuery("_", null, null, null), 0, 20).items()).isEmpty();
    }
}
