package org.gonghui.content;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members read: the published articles meant for them (their organisation lies in the audience's subtree and
 * their type is one of its types), newest first, by category or searched. An article outside a member's audience is
 * "not found" for them, by list, by id, its cover and its files alike. Opening an article records a view (and the
 * opening of a pushed link); sharing records a share.
 */
@Service
public class Feed {

    static final int QUERY_MAX = 50;

    private final JdbcClient jdbc;
    private final ReadableArticles readable;
    private final Articles articles;
    private final MemberLookup members;
    private final ReadLog reads;
    private final Pushes pushes;
    private final PlatformTime time;

    Feed(JdbcClient jdbc, ReadableArticles readable, Articles articles, MemberLookup members, ReadLog reads, Pushes pushes,
            PlatformTime time) {
        this.jdbc = jdbc;
        this.readable = readable;
        this.articles = articles;
        this.members = members;
        this.reads = reads;
        this.pushes = pushes;
        this.time = time;
    }

    /** One line of the member's news list. */
    public record Headline(long id, ArticleCategory category, String title, String summary, boolean hasCover,
            java.time.Instant publishedAt) {

        public String link() {
            return ArticleLinks.path(id);
        }
    }

    /** The member's articles, newest first; {@code category} and {@code text} narrow the list. */
    @Transactional(readOnly = true)
    public PageResult<Headline> list(long memberId, ArticleCategory category, String text, int page, int size) {
        MemberView member = member(memberId);
        if (text != null && text.strip().length() > QUERY_MAX) {
            throw DomainException.invalid("content.search.too-long", QUERY_MAX);
        }
        String search = text == null || text.isBlank() ? null : LikePattern.containing(text.strip());
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        List<Headline> rows = jdbc.sql("""
                select id, category, title, summary, cover_key, published_at from content_article
                where status = 'PUBLISHED' and audience_path in (:paths) and audience_types like :type"""
                        + (category == null ? "" : " and category = :category")
                        + (search == null ? "" : " and (title ilike :q" + LikePattern.ESCAPE + " or summary ilike :q"
                                + LikePattern.ESCAPE + ")")
                        + " order by published_at desc, id desc offset :offset rows fetch first :limit rows only")
                .param("paths", ancestors(member.orgPath())).param("type", "%," + member.type().name() + ",%")
                .param("category", category == null ? null : category.name()).param("q", search)
                .param("offset", p * s).param("limit", s + 1)
                .query((rs, n) -> new Headline(rs.getLong("id"), ArticleCategory.valueOf(rs.getString("category")),
                        rs.getString("title"), rs.getString("summary"), rs.getString("cover_key") != null,
                        ArticleStore.instant(rs, "published_at")))
                .list();
        return PageResult.of(rows, p, s);
    }

    /**
     * The member opens an article meant for them: a view is counted, and the push link's opening if it carries one.
     * No transaction of its own: a member look-up, the (briefly kept) article and an event on the read log.
     */
    public PublishedArticle read(long memberId, long articleId, String pushToken) {
        MemberView member = member(memberId);
        PublishedArticle article = visible(member, articleId);
        reads.record(new ReadLog.ReadEvent(articleId, 'V', time.now(), member.orgPath(), memberId));
        if (pushToken != null && !pushToken.isBlank()) {
            pushes.opened(articleId, memberId, pushToken);
        }
        return article;
    }

    /** The member shares an article meant for them (counted; the link is the article's own). */
    @Transactional(readOnly = true)
    public String share(long memberId, long articleId) {
        MemberView member = member(memberId);
        visible(member, articleId);
        reads.record(new ReadLog.ReadEvent(articleId, 'S', time.now(), member.orgPath(), memberId));
        return ArticleLinks.path(articleId);
    }

    @Transactional(readOnly = true)
    public ArticleFile cover(long memberId, long articleId) {
        visible(member(memberId), articleId);
        return articles.coverOf(articleId);
    }

    @Transactional(readOnly = true)
    public ArticleFile attachment(long memberId, long articleId, long attachmentId) {
        visible(member(memberId), articleId);
        return articles.attachmentOf(articleId, attachmentId);
    }

    private PublishedArticle visible(MemberView member, long articleId) {
        return readable.published(articleId)
                .filter(a -> a.audience().reaches(member.orgPath(), member.type()))
                .map(ReadableArticles.Readable::article)
                .orElseThrow(() -> DomainException.notFound("content.article.not-found"));
    }

    private MemberView member(long memberId) {
        return members.view(memberId).orElseThrow(() -> DomainException.notFound("content.article.not-found"));
    }

    /** The paths of the organisation and every organisation above it: the audiences that reach its members. */
    static List<String> ancestors(String path) {
        List<String> paths = new ArrayList<>();
        StringBuilder prefix = new StringBuilder("/");
        for (long id : new TreePath(path).ids()) {
            prefix.append(id).append('/');
            paths.add(prefix.toString());
        }
        return paths;
    }
}
