package org.gonghui.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import org.gonghui.account.LoggingSmsSender;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Push: once per member and article, opt-outs respected, resumable without sending twice, opens counted. */
@IntegrationTest
class ContentPushIntegrationTests {

    @Autowired Articles articles;
    @Autowired Pushes pushes;
    @Autowired Feed feed;
    @Autowired Organisations organisations;
    @Autowired Members members;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired(required = false) LoggingSmsSender sms;

    ContentScenario tree;

    @BeforeEach
    void tree() {
        tree = new ContentScenario(organisations, members, articles);
    }

    private String phone(MemberView member) {
        return members.revealOwn(member.id(), PersonalField.PHONE);
    }

    private String statusOf(long articleId, MemberView member) {
        return jdbc.sql("select status from content_push_delivery where article_id = :a and member_id = :m")
                .param("a", articleId).param("m", member.id()).query(String.class).optional().orElse("NONE");
    }

    private int deliveries(long articleId) {
        return jdbc.sql("select count(*) from content_push_delivery where article_id = :a").param("a", articleId)
                .query(Integer.class).single();
    }

    @Test
    void publishingPushesTheAudienceOnceEachInTheBackgroundRespectingOptOut() throws Exception {
        List<MemberView> inA = List.of(tree.member(tree.townshipA, MemberType.IN_SERVICE),
                tree.member(tree.townshipA, MemberType.RETIRED), tree.member(tree.townshipA, MemberType.MIGRANT));
        MemberView optedOut = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        MemberView retiredOnly = tree.member(tree.townshipA, MemberType.RETIRED);
        MemberView inB = tree.member(tree.townshipB, MemberType.IN_SERVICE);
        pushes.optOut(optedOut.id(), true);
        CurrentUser editor = tree.editorAt(tree.district);

        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("推送"), tree.townshipA,
                EnumSet.allOf(MemberType.class), true));
        // publishing wrote the job only: nothing sent yet
        assertThat(deliveries(article.id())).isZero();
        assertThat(pushes.progress(editor, article.id())).hasValueSatisfying(p -> assertThat(p.running()).isTrue());

        pushes.runPending();
        pushes.runPending();

        PushProgress progress = pushes.progress(editor, article.id()).orElseThrow();
        assertThat(progress.status()).isEqualTo("DONE");
        assertThat(progress.sent()).isEqualTo(4);
        assertThat(progress.skipped()).isEqualTo(1);
        assertThat(progress.failed()).isZero();
        assertThat(deliveries(article.id())).isEqualTo(5);
        inA.forEach(m -> assertThat(statusOf(article.id(), m)).isEqualTo("SENT"));
        assertThat(statusOf(article.id(), retiredOnly)).isEqualTo("SENT");
        assertThat(statusOf(article.id(), optedOut)).isEqualTo("SKIPPED");
        assertThat(statusOf(article.id(), inB)).isEqualTo("NONE");
        if (sms != null) {
            assertThat(sms.lastTo(phone(inA.get(0)))).hasValueSatisfying(text ->
                    assertThat(text).contains(article.title(), "/news/" + article.id() + "?t="));
            assertThat(sms.lastTo(phone(optedOut))).isEmpty();
            assertThat(sms.lastTo(phone(inB))).isEmpty();
        }
        // the editor sees it on the console and through the API
        mvc.perform(get("/api/v1/content/editor/articles/" + article.id() + "/push").with(as(editor)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(4)).andExpect(jsonPath("$.skipped").value(1));
        mvc.perform(get("/api/v1/content/editor/articles/" + article.id() + "/push")
                .with(as(tree.editorAt(tree.townshipB)))).andExpect(status().isNotFound());
    }

    @Test
    void theMembersTokenCountsTheOpeningOnceAndOnlyForThem() {
        MemberView reader = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        MemberView other = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("打开"), tree.townshipA,
                EnumSet.allOf(MemberType.class), true));
        pushes.runPending();
        String token = jdbc.sql("select token from content_push_delivery where article_id = :a and member_id = :m")
                .param("a", article.id()).param("m", reader.id()).query(String.class).single();

        feed.read(other.id(), article.id(), token);
        assertThat(pushes.progress(editor, article.id()).orElseThrow().opened()).isZero();
        feed.read(reader.id(), article.id(), token);
        feed.read(reader.id(), article.id(), token);
        assertThat(pushes.progress(editor, article.id()).orElseThrow().opened()).isEqualTo(1);
    }

    @Test
    void aRestartedPushNeverSendsTwiceAndResumesWhereItStopped() {
        MemberView first = tree.member(tree.townshipB, MemberType.IN_SERVICE);
        MemberView second = tree.member(tree.townshipB, MemberType.IN_SERVICE);
        MemberView third = tree.member(tree.townshipB, MemberType.IN_SERVICE);
        CurrentUser editor = tree.editorAt(tree.district);
        ArticleView article = tree.published(editor, ContentScenario.form(Fixtures.unique("续推"), tree.townshipB,
                EnumSet.allOf(MemberType.class), true));
        // a crash: the first member's notice was claimed (it may have gone out), the walk stopped after them
        jdbc.sql("""
                insert into content_push_delivery (article_id, member_id, org_path, token, status)
                values (:a, :m, :p, :t, 'SENDING')""")
                .param("a", article.id()).param("m", first.id()).param("p", tree.townshipB.path())
                .param("t", "0123456789abcdef0123456789abcdef").update();
        jdbc.sql("update content_push_job set next_member_id = :m where article_id = :a")
                .param("m", first.id()).param("a", article.id()).update();

        pushes.runPending();

        assertThat(statusOf(article.id(), first)).isEqualTo("FAILED");
        assertThat(statusOf(article.id(), second)).isEqualTo("SENT");
        assertThat(statusOf(article.id(), third)).isEqualTo("SENT");
        if (sms != null) {
            assertThat(sms.lastTo(phone(first))).isEmpty();
        }
        PushProgress progress = pushes.progress(editor, article.id()).orElseThrow();
        assertThat(progress.sent()).isEqualTo(2);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.status()).isEqualTo("DONE");
    }

    @Test
    void theMemberTurnsPushOffOnThePortal() throws Exception {
        MemberView member = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/news/settings")
                        .param("optOut", "true").with(as(Fixtures.member(member.id())))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(pushes.optedOut(member.id())).isTrue();
        mvc.perform(get("/api/v1/content/settings").with(as(Fixtures.member(member.id()))))
                .andExpect(jsonPath("$.optOut").value(true));
        pushes.optOut(member.id(), false);
        assertThat(pushes.optedOut(member.id())).isFalse();
    }
}
