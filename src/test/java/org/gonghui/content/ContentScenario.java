package org.gonghui.content;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;

/**
 * A small tree of its own for each test (a new district with two townships), so that figures and audiences are not
 * shared with other tests or the demo data, and editors and members in it.
 */
final class ContentScenario {

    final Organisations organisations;
    final Members members;
    final Articles articles;
    final OrganisationView city;
    final OrganisationView district;
    final OrganisationView townshipA;
    final OrganisationView townshipB;

    ContentScenario(Organisations organisations, Members members, Articles articles) {
        this.organisations = organisations;
        this.members = members;
        this.articles = articles;
        this.city = organisations.findByCode("NB").orElseThrow();
        TreePath scope = city.treePath();
        this.district = organisations.create(scope, city.id(), OrganisationKind.DISTRICT, Fixtures.unique("资讯区"),
                Fixtures.unique("CD"));
        this.townshipA = organisations.create(scope, district.id(), OrganisationKind.TOWNSHIP, Fixtures.unique("甲街道"),
                Fixtures.unique("CTA"));
        this.townshipB = organisations.create(scope, district.id(), OrganisationKind.TOWNSHIP, Fixtures.unique("乙街道"),
                Fixtures.unique("CTB"));
    }

    CurrentUser editorAt(OrganisationView org) {
        return Fixtures.staffAt(org, Role.STAFF);
    }

    MemberView member(OrganisationView org, MemberType type) {
        return members.register(city.treePath(), new NewMember(Fixtures.unique("读者"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), org.id(), type, LocalDate.of(2020, 1, 1), null));
    }

    static ArticleForm form(String title, OrganisationView audience, Set<MemberType> types, boolean push) {
        return new ArticleForm(ArticleCategory.NEWS, title, null, "<p>" + title + " 正文</p>", audience.id(), types, push);
    }

    static ArticleForm form(String title, OrganisationView audience) {
        return form(title, audience, EnumSet.allOf(MemberType.class), false);
    }

    /** Written, submitted and approved now by the same editor (allowed below the city). */
    ArticleView published(CurrentUser editor, ArticleForm form) {
        ArticleView article = articles.create(editor, form);
        articles.submit(editor, article.id());
        return articles.approve(editor, article.id(), null);
    }
}
