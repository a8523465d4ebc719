package org.gonghui.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Targeting, review with a second person, scheduling, withdrawal, editors' scope, sanitising and bad input. */
@IntegrationTest
class ContentIntegrationTests {

    @Autowired Articles articles;
    @Autowired Feed feed;
    @Autowired ArticleLinks links;
    @Autowired Organisations organisations;
    @Autowired Members members;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    ContentScenario tree;

    @BeforeEach
    void tree() {
        tree = new ContentScenario(organisations, members, articles);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private boolean listed(MemberView member, long articleId) {
        return feed.list(member.id(), null, null, 0, 200).items().stream().anyMatch(h -> h.id() == articleId);
    }

    @Test
    void aMemberOutsideTheAudienceNeverSeesTheArticleNotEvenById() throws Exception {
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("甲街道通知"), tree.townshipA));
        MemberView inA = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        MemberView inB = tree.member(tree.townshipB, MemberType.IN_SERVICE);

        assertThat(listed(inA, article.id())).isTrue();
        assertThat(feed.read(inA.id(), article.id(), null).title()).isEqualTo(article.title());
        assertThat(listed(inB, article.id())).isFalse();
        assertThatThrownBy(() -> feed.read(inB.id(), article.id(), null))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.article.not-found");
        mvc.perform(get("/news/" + article.id()).with(as(Fixtures.member(inB.id())))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/content/articles/" + article.id()).with(as(Fixtures.member(inB.id()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/news/" + article.id()).with(as(Fixtures.member(inA.id()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(article.title())));
    }

    @Test
    void memberTypesNarrowTheAudience() {
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView forRetirees = tree.published(editor, ContentScenario.form(Fixtures.unique("退休"), tree.district,
                EnumSet.of(MemberType.RETIRED), false));
        MemberView retired = tree.member(tree.townshipB, MemberType.RETIRED);
        MemberView working = tree.member(tree.townshipB, MemberType.IN_SERVICE);

        assertThat(listed(retired, forRetirees.id())).isTrue();
        assertThat(listed(working, forRetirees.id())).isFalse();
        assertThatThrownBy(() -> feed.read(working.id(), forRetirees.id(), null)).isInstanceOf(DomainException.class);
    }

    @Test
    void listIsNewestFirstByCategoryAndSearchable() {
        CurrentUser editor = tree.editorAt(tree.district);
        clock.set(Instant.parse("2027-04-01T02:00:00Z"));
        ArticleView older = tree.published(editor, ContentScenario.form(Fixtures.unique("旧闻"), tree.district));
        clock.set(Instant.parse("2027-04-02T02:00:00Z"));
        ArticleView policy = tree.published(editor, new ArticleForm(ArticleCategory.POLICY, Fixtures.unique("加班费政策"),
                "关于加班费", "<p>正文</p>", tree.district.id(), EnumSet.allOf(MemberType.class), false));
        MemberView reader = tree.member(tree.townshipA, MemberType.MIGRANT);

        var ids = feed.list(reader.id(), null, null, 0, 200).items().stream().map(Feed.Headline::id).toList();
        assertThat(ids.indexOf(policy.id())).isLessThan(ids.indexOf(older.id()));
        assertThat(feed.list(reader.id(), ArticleCategory.POLICY, null, 0, 200).items())
                .extracting(Feed.Headline::id).contains(policy.id()).doesNotContain(older.id());
        assertThat(feed.list(reader.id(), null, "加班费", 0, 200).items())
                .extracting(Feed.Headline::id).contains(policy.id()).doesNotContain(older.id());
        assertThat(feed.list(reader.id(), null, "%", 0, 200).items()).extracting(Feed.Headline::id)
                .doesNotContain(policy.id(), older.id());
    }

    @Test
    void theCitysOwnArticlesNeedASecondPersonToApprove() {
        CurrentUser author = tree.editorAt(tree.city);
        CurrentUser colleague = tree.editorAt(tree.city);
        ArticleView article = articles.create(author, ContentScenario.form(Fixtures.unique("市总"), tree.district));
        articles.submit(author, article.id());

        assertThatThrownBy(() -> articles.approve(author, article.id(), null))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.review.second-person");
        assertThat(articles.view(author, article.id()).status()).isEqualTo(ArticleStatus.IN_REVIEW);
        ArticleView published = articles.approve(colleague, article.id(), null);
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.reviewerName()).isEqualTo(colleague.displayName());
    }

    @Test
    void aReviewerSendsBackWithANoteAndOnlyDraftsChange() {
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView article = articles.create(editor, ContentScenario.form(Fixtures.unique("待改"), tree.district));
        articles.submit(editor, article.id());
        assertThatThrownBy(() -> articles.update(editor, article.id(), ContentScenario.form("改", tree.district)))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.status.wrong");
        assertThatThrownBy(() -> articles.reject(editor, article.id(), " "))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.reason.required");

        ArticleView back = articles.reject(editor, article.id(), "标题太长");
        assertThat(back.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(back.reviewNote()).isEqualTo("标题太长");
        assertThat(articles.update(editor, article.id(), ContentScenario.form("新标题", tree.district)).title())
                .isEqualTo("新标题");
    }

    @Test
    void aScheduledArticleAppearsWhenItsTimeComes() {
        clock.set(Instant.parse("2027-05-01T01:00:00Z"));
        CurrentUser editor = tree.editorAt(tree.district);
        MemberView reader = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        ArticleView article = articles.create(editor, ContentScenario.form(Fixtures.unique("定时"), tree.district));
        articles.submit(editor, article.id());
        ArticleView scheduled = articles.approve(editor, article.id(), Instant.parse("2027-05-02T00:30:00Z"));

        assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
        articles.publishDue();
        assertThat(listed(reader, article.id())).isFalse();
        assertThatThrownBy(() -> feed.read(reader.id(), article.id(), null)).isInstanceOf(DomainException.class);

        clock.set(Instant.parse("2027-05-02T00:30:00Z"));
        articles.publishDue();
        ArticleView published = articles.view(editor, article.id());
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(Instant.parse("2027-05-02T00:30:00Z"));
        assertThat(listed(reader, article.id())).isTrue();
    }

    @Test
    void aWithdrawnArticleNeedsAReasonAndDisappearsForReaders() {
        CurrentUser editor = tree.editorAt(tree.district);
        MemberView reader = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("撤回"), tree.district));
        // read once, so the briefly kept copy for readers exists: withdrawing must drop it at once
        assertThat(feed.read(reader.id(), article.id(), null).title()).isEqualTo(article.title());
        assertThatThrownBy(() -> articles.withdraw(editor, article.id(), ""))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.reason.required");

        ArticleView withdrawn = articles.withdraw(editor, article.id(), "信息有误");
        assertThat(withdrawn.status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnReason()).isEqualTo("信息有误");
        assertThat(listed(reader, article.id())).isFalse();
        assertThatThrownBy(() -> feed.read(reader.id(), article.id(), null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> articles.withdraw(editor, article.id(), "again"))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.status.wrong");
    }

    @Test
    void aTownshipEditorCannotTouchTheDistrictsArticle() throws Exception {
        CurrentUser districtEditor = tree.editorAt(tree.district);
        CurrentUser townshipEditor = tree.editorAt(tree.townshipA);
        ArticleView district = tree.published(districtEditor, ContentScenario.form(Fixtures.unique("区级"), tree.district));
        ArticleView township = tree.published(townshipEditor, ContentScenario.form(Fixtures.unique("街道"), tree.townshipA));

        assertThatThrownBy(() -> articles.view(townshipEditor, district.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.article.not-found");
        assertThatThrownBy(() -> articles.withdraw(townshipEditor, district.id(), "不要"))
                .isInstanceOf(DomainException.class).hasMessageContaining("content.article.not-found");
        assertThat(articles.view(districtEditor, district.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);
        mvc.perform(get("/console/content/" + district.id()).with(as(townshipEditor))).andExpect(status().isNotFound());
        mvc.perform(post("/console/content/" + district.id() + "/withdraw").param("reason", "不要")
                .with(as(townshipEditor)).with(csrf())).andExpect(status().isNotFound());
        assertThat(articles.list(townshipEditor, null, 0, 200).items()).extracting(ArticleView::id)
                .contains(township.id()).doesNotContain(district.id());
        // the district's editor works on the township's article; a township writes only for its own subtree
        assertThat(articles.view(districtEditor, township.id()).title()).isEqualTo(township.title());
        assertThatThrownBy(() -> articles.create(townshipEditor, ContentScenario.form("越级", tree.district)))
                .isInstanceOf(DomainException.class).hasMessageContaining("organisation.not-found");
        // and the other township's editor does not see it either
        assertThatThrownBy(() -> articles.view(tree.editorAt(tree.townshipB), township.id()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void scriptsAndEventHandlersNeverSurvive() throws Exception {
        CurrentUser editor = tree.editorAt(tree.district);
        MemberView reader = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        String body = "<p onclick=\"steal()\">你好<script>alert(1)</script></p>"
                + "<img src=\"x\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">点我</a>"
                + "<a href=\"/news/1\">政策</a><iframe src=\"https://evil.example\"></iframe>"
                + "<p style=\"position:fixed\">样式</p><svg onload=\"alert(4)\"></svg>";
        ArticleView article = tree.published(editor, new ArticleForm(ArticleCategory.NEWS, Fixtures.unique("清理"),
                null, body, tree.district.id(), EnumSet.allOf(MemberType.class), false));

        assertThat(article.bodyHtml()).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("style")
                .doesNotContainIgnoringCase("onload").contains("你好", "<a href=\"/news/1\">政策</a>");
        mvc.perform(get("/news/" + article.id()).with(as(Fixtures.member(reader.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("alert("))))
                .andExpect(content().string(not(containsString("onerror"))));
    }

    @Test
    void badInputIsRefusedWithAReason() throws Exception {
        CurrentUser editor = tree.editorAt(tree.district);
        assertThatThrownBy(() -> articles.create(editor, new ArticleForm(ArticleCategory.NEWS, " ", null, "<p>x</p>",
                tree.district.id(), EnumSet.allOf(MemberType.class), false))).hasMessageContaining("content.title.invalid");
        assertThatThrownBy(() -> articles.create(editor, new ArticleForm(ArticleCategory.NEWS, "t", null,
                "<script>only()</script>", tree.district.id(), EnumSet.allOf(MemberType.class), false)))
                .hasMessageContaining("content.body.invalid");
        assertThatThrownBy(() -> articles.create(editor, new ArticleForm(ArticleCategory.NEWS, "t", null, "<p>x</p>",
                tree.district.id(), EnumSet.noneOf(MemberType.class), false))).hasMessageContaining("content.audience.no-type");

        mvc.perform(post("/console/content").param("category", "NEWS").param("title", "")
                        .param("body", "<p>x</p>").param("audienceOrgId", String.valueOf(tree.district.id()))
                        .param("types", "IN_SERVICE").with(as(editor)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写标题")));
        mvc.perform(post("/api/v1/content/editor/articles").with(as(editor)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"GOSSIP\",\"title\":\"t\",\"bodyHtml\":\"<p>x</p>\","
                                + "\"audienceOrgId\":" + tree.district.id() + ",\"audienceTypes\":[\"RETIRED\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/content/editor/articles").with(as(editor)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"NEWS\",\"title\":\"t\",\"bodyHtml\":\"<p>x</p>\","
                                + "\"audienceOrgId\":" + tree.district.id() + ",\"audienceTypes\":[]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/content/figures").param("from", "2027-05-02").param("to", "2027-05-01")
                .with(as(editor))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/api/v1/content/figures").param("from", "yesterday").param("to", "2027-05-01")
                .with(as(editor))).andExpect(status().isBadRequest());
        MemberView reader = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        mvc.perform(get("/news").param("category", "GOSSIP").with(as(Fixtures.member(reader.id()))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/content/articles/abc").with(as(Fixtures.member(reader.id()))))
                .andExpect(status().isBadRequest());
        // a member is no editor, an editor is no reader
        mvc.perform(get("/api/v1/content/editor/articles").with(as(Fixtures.member(reader.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/content/articles").with(as(editor))).andExpect(status().isForbidden());
    }

    @Test
    void aPolicyArticleHasAStableLinkOtherModulesLookUp() {
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView article = tree.published(editor, new ArticleForm(ArticleCategory.POLICY, Fixtures.unique("政策"),
                null, "<p>x</p>", tree.district.id(), EnumSet.allOf(MemberType.class), false));
        assertThat(article.link()).isEqualTo("/news/" + article.id());
        assertThat(links.find(article.id())).hasValueSatisfying(link -> {
            assertThat(link.title()).isEqualTo(article.title());
            assertThat(link.path()).isEqualTo("/news/" + article.id());
            assertThat(link.category()).isEqualTo(ArticleCategory.POLICY);
        });
        articles.withdraw(editor, article.id(), "过时");
        assertThat(links.find(article.id())).isEmpty();
    }
}
