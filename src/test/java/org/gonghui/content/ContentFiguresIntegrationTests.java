package org.gonghui.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reading figures: exact distinct readers for overlapping date ranges and subtrees against a brute-force count of
 * the reads the test made, clicks and shares, per-article averages, the Excel export, and the staff's scope.
 */
@IntegrationTest
class ContentFiguresIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY1 = LocalDate.of(2027, 6, 1);

    @Autowired Articles articles;
    @Autowired Feed feed;
    @Autowired ContentFigures figures;
    @Autowired Organisations organisations;
    @Autowired Members members;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    ContentScenario tree;

    /** One read the test made: who, where, which day. */
    record Read(long member, String orgPath, LocalDate day) {
    }

    @BeforeEach
    void tree() {
        tree = new ContentScenario(organisations, members, articles);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void readOn(LocalDate day, int hour, MemberView member, long articleId, List<Read> log) {
        clock.set(day.atTime(hour, 0).atZone(ZONE).toInstant());
        feed.read(member.id(), articleId, null);
        log.add(new Read(member.id(), member.orgPath(), day));
    }

    private static long bruteReaders(List<Read> log, LocalDate from, LocalDate to, String subtree) {
        Set<Long> distinct = new HashSet<>();
        log.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to) && r.orgPath().startsWith(subtree))
                .forEach(r -> distinct.add(r.member()));
        return distinct.size();
    }

    private static long bruteViews(List<Read> log, LocalDate from, LocalDate to, String subtree) {
        return log.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)
                && r.orgPath().startsWith(subtree)).count();
    }

    @Test
    void distinctReadersAreExactForOverlappingRangesAndSubtrees() {
        clock.set(DAY1.atTime(8, 0).atZone(ZONE).toInstant());
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("统计"), tree.district));
        List<MemberView> readersA = new ArrayList<>();
        List<MemberView> readersB = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readersA.add(tree.member(tree.townshipA, MemberType.IN_SERVICE));
            readersB.add(tree.member(tree.townshipB, MemberType.MIGRANT));
        }
        Random random = new Random(20270601);
        List<Read> log = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (MemberView member : random.nextBoolean() ? readersA : readersB) {
                int times = random.nextInt(3);
                for (int t = 0; t < times; t++) {
                    // 23:00 in Shanghai is 15:00 UTC: the day counted is the platform's, not UTC's
                    readOn(DAY1.plusDays(day), t == 0 ? 9 : 23, member, article.id(), log);
                }
            }
        }
        readOn(DAY1.plusDays(2), 10, readersA.get(0), article.id(), log);
        readOn(DAY1.plusDays(5), 10, readersA.get(0), article.id(), log);

        List<OrganisationView> subtrees = List.of(tree.district, tree.townshipA, tree.townshipB);
        int checked = 0;
        for (int from = 0; from < 7; from++) {
            for (int to = from; to < 7; to++) {
                for (OrganisationView subtree : subtrees) {
                    LocalDate f = DAY1.plusDays(from);
                    LocalDate t = DAY1.plusDays(to);
                    assertThat(figures.distinctReaders(article.id(), f, t, subtree.path()))
                            .as("readers %s..%s in %s", f, t, subtree.name())
                            .isEqualTo(bruteReaders(log, f, t, subtree.path()));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(84);
        long weekReaders = bruteReaders(log, DAY1, DAY1.plusDays(6), tree.district.path());
        long sumOfDailyUniques = 0;
        for (int day = 0; day < 7; day++) {
            sumOfDailyUniques += bruteReaders(log, DAY1.plusDays(day), DAY1.plusDays(day), tree.district.path());
        }
        assertThat(weekReaders).isLessThan(sumOfDailyUniques);

        ArticleFigures week = figures.article(editor, article.id(), DAY1, DAY1.plusDays(6), tree.townshipA.id());
        assertThat(week.views()).isEqualTo(bruteViews(log, DAY1, DAY1.plusDays(6), tree.townshipA.path()));
        assertThat(week.readers()).isEqualTo(bruteReaders(log, DAY1, DAY1.plusDays(6), tree.townshipA.path()));
    }

    @Test
    void theSummaryAddsUpArticlesWithPerArticleAveragesSharesAndExportsTheSame() throws Exception {
        clock.set(DAY1.atTime(8, 0).atZone(ZONE).toInstant());
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView first = tree.published(editor, ContentScenario.form(Fixtures.unique("一"), tree.district));
        ArticleView second = tree.published(editor, ContentScenario.form(Fixtures.unique("二"), tree.townshipA));
        MemberView a = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        MemberView b = tree.member(tree.townshipB, MemberType.IN_SERVICE);
        List<Read> log = new ArrayList<>();
        readOn(DAY1, 9, a, first.id(), log);
        readOn(DAY1, 10, a, first.id(), log);
        readOn(DAY1, 11, b, first.id(), log);
        readOn(DAY1, 12, a, second.id(), log);
        feed.share(a.id(), first.id());

        ReadingFigures summary = figures.summary(editor, DAY1, DAY1, tree.district.id());
        assertThat(summary.articles()).extracting(ArticleFigures::articleId).containsExactlyInAnyOrder(first.id(), second.id());
        ArticleFigures one = summary.articles().stream().filter(f -> f.articleId() == first.id()).findFirst().orElseThrow();
        assertThat(one.views()).isEqualTo(3);
        assertThat(one.readers()).isEqualTo(2);
        assertThat(one.shares()).isEqualTo(1);
        assertThat(summary.views()).isEqualTo(4);
        assertThat(summary.readers()).isEqualTo(3);
        assertThat(summary.viewsPerArticle()).isEqualTo(2);
        assertThat(summary.readersPerArticle()).isEqualTo(2);
        // readers in township B only: the second article does not reach it
        ReadingFigures onlyB = figures.summary(editor, DAY1, DAY1, tree.townshipB.id());
        assertThat(onlyB.articles()).extracting(ArticleFigures::articleId).containsExactly(first.id());
        assertThat(onlyB.readers()).isEqualTo(1);

        byte[] xlsx = mvc.perform(get("/console/content/figures/export").param("from", DAY1.toString())
                        .param("to", DAY1.toString()).param("orgId", String.valueOf(tree.district.id())).with(as(editor)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            long views = 0;
            long readers = 0;
            for (int i = 1; i <= 2; i++) {
                Row row = sheet.getRow(i);
                views += (long) row.getCell(4).getNumericCellValue();
                readers += (long) row.getCell(5).getNumericCellValue();
            }
            assertThat(views).isEqualTo(summary.views());
            assertThat(readers).isEqualTo(summary.readers());
        }
        mvc.perform(get("/api/v1/content/figures/articles/" + first.id()).param("from", DAY1.toString())
                        .param("to", DAY1.toString()).with(as(editor)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readers").value(2)).andExpect(jsonPath("$.views").value(3));
    }

    @Test
    void aTownshipSeesOnlyItsOwnReadersFigures() throws Exception {
        clock.set(DAY1.atTime(8, 0).atZone(ZONE).toInstant());
        CurrentUser districtEditor = tree.editorAt(tree.district);
        CurrentUser townshipEditor = tree.editorAt(tree.townshipA);
        ArticleView article = tree.published(districtEditor, ContentScenario.form(Fixtures.unique("范围"), tree.district));
        List<Read> log = new ArrayList<>();
        readOn(DAY1, 9, tree.member(tree.townshipA, MemberType.IN_SERVICE), article.id(), log);
        readOn(DAY1, 9, tree.member(tree.townshipB, MemberType.IN_SERVICE), article.id(), log);

        assertThat(figures.article(townshipEditor, article.id(), DAY1, DAY1, null).readers()).isEqualTo(1);
        assertThatThrownBy(() -> figures.article(townshipEditor, article.id(), DAY1, DAY1, tree.townshipB.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("organisation.not-found");
        assertThatThrownBy(() -> figures.summary(townshipEditor, DAY1, DAY1, tree.district.id()))
                .isInstanceOf(DomainException.class);
        mvc.perform(get("/console/content/figures/export").param("from", DAY1.toString()).param("to", DAY1.toString())
                .param("orgId", String.valueOf(tree.townshipB.id())).with(as(townshipEditor)))
                .andExpect(status().isNotFound());
        // an article of another district is not the township's to count
        ContentScenario other = new ContentScenario(organisations, members, articles);
        ArticleView elsewhere = other.published(other.editorAt(other.district),
                ContentScenario.form(Fixtures.unique("别区"), other.district));
        assertThatThrownBy(() -> figures.article(townshipEditor, elsewhere.id(), DAY1, DAY1, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.article.not-found");
    }
}
