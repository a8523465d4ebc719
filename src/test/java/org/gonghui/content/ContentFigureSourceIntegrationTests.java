package org.gonghui.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Content's dashboard figures: clicks and shares summed over the city, a district and a township are what
 * {@link ContentFigures} gives per article for that subtree and year, added up; distinct readers are exact for the
 * year (a member reading on several days is one reader); an article published and read last year is last year's.
 */
@IntegrationTest
class ContentFigureSourceIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ContentFigureSource source;
    @Autowired ContentFigures figures;
    @Autowired Articles articles;
    @Autowired Feed feed;
    @Autowired Organisations organisations;
    @Autowired Members members;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSumsOverASubtreeAreTheContentFiguresAndLastYearStaysLastYears() {
        ContentScenario tree = new ContentScenario(organisations, members, articles);
        int year = PlatformZone.today().getYear();
        MemberView a = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        MemberView b = tree.member(tree.townshipB, MemberType.IN_SERVICE);
        CurrentUser editor = tree.editorAt(tree.district);
        clock.set(LocalDate.of(year - 1, 12, 30).atTime(9, 0).atZone(ZONE).toInstant());
        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("去年"), tree.district));
        clock.set(LocalDate.of(year - 1, 12, 31).atTime(23, 30).atZone(ZONE).toInstant());
        feed.read(b.id(), article.id(), null);
        clock.set(LocalDate.of(year, 1, 1).atTime(0, 30).atZone(ZONE).toInstant());
        feed.read(a.id(), article.id(), null);
        clock.reset();
        feed.read(a.id(), article.id(), null);
        feed.read(b.id(), article.id(), null);
        feed.share(a.id(), article.id());

        FigureTotals thisYear = FigureTotals.collect(source, year, organisations);
        FigureTotals lastYear = FigureTotals.collect(source, year - 1, organisations);
        assertThat(thisYear.sum("content.articles", tree.district.treePath())).isZero();
        assertThat(lastYear.sum("content.articles", tree.district.treePath())).isEqualTo(1);
        assertThat(thisYear.sum("content.clicks", tree.district.treePath())).isEqualTo(3);
        assertThat(thisYear.sum("content.readers", tree.district.treePath())).isEqualTo(2);
        assertThat(thisYear.sum("content.readers", tree.townshipA.treePath())).isEqualTo(1);
        assertThat(thisYear.sum("content.shares", tree.district.treePath())).isEqualTo(1);
        assertThat(lastYear.sum("content.clicks", tree.district.treePath())).isEqualTo(1);
        assertThat(lastYear.sum("content.readers", tree.district.treePath())).isEqualTo(1);

        CurrentUser city = Fixtures.staffAt(tree.city, org.gonghui.shared.security.Role.STAFF);
        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = y == year ? thisYear : lastYear;
            LocalDate first = LocalDate.of(y, 1, 1);
            LocalDate last = LocalDate.of(y, 12, 31);
            List<Long> read = jdbc.sql("select distinct article_id from content_read_event where read_at >= :f and read_at < :t")
                    .param("f", Timestamp.from(first.atStartOfDay(ZONE).toInstant()))
                    .param("t", Timestamp.from(last.plusDays(1).atStartOfDay(ZONE).toInstant())).query(Long.class).list();
            for (OrganisationView scope : List.of(tree.city, tree.district, tree.townshipA)) {
                long clicks = 0;
                long shares = 0;
                for (long id : read) {
                    ArticleFigures f = figures.article(city, id, first, last, scope.id());
                    clicks += f.views();
                    shares += f.shares();
                }
                assertThat(totals.sum("content.clicks", scope.treePath())).as(scope.code() + " " + y).isEqualTo(clicks);
                assertThat(totals.sum("content.shares", scope.treePath())).as(scope.code() + " " + y).isEqualTo(shares);
                long readers = jdbc.sql("""
                        select count(*) from (select distinct member_id from content_read_event where kind = 'V'
                          and read_at >= :f and read_at < :t and org_path like :p) r""")
                        .param("f", Timestamp.from(first.atStartOfDay(ZONE).toInstant()))
                        .param("t", Timestamp.from(last.plusDays(1).atStartOfDay(ZONE).toInstant()))
                        .param("p", scope.path() + "%").query(Long.class).single();
                assertThat(totals.sum("content.readers", scope.treePath())).as(scope.code() + " " + y).isEqualTo(readers);
            }
        }
    }
}
