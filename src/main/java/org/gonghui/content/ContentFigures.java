package org.gonghui.content;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading figures for any date range (days in the platform's zone, both ends included) and any subtree of the
 * readers' organisations within the caller's scope. Distinct readers are counted exactly from the read events —
 * {@code count(distinct member_id)} over the article's index range — never added up from daily uniques, so a member
 * who reads on three days is one reader. Dashboards read {@link #article} and {@link #distinctReaders} through this API.
 */
@Service
@org.gonghui.shared.db.MayLag
public class ContentFigures {

    static final int MAX_ARTICLES = 500;
    static final int MAX_DAYS = 3660;

    private final JdbcClient jdbc;
    private final ReadLog reads;
    private final Organisations organisations;
    private final PlatformTime time;
    private final AuditLog audit;
    private final MessageSource messages;

    ContentFigures(JdbcClient jdbc, ReadLog reads, Organisations organisations, PlatformTime time, AuditLog audit,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.organisations = organisations;
        this.time = time;
        this.audit = audit;
        this.messages = messages;
    }

    /** Exact distinct readers of an article from {@code from} to {@code to} among members of the subtree. */
    @Transactional(readOnly = true)
    public long distinctReaders(long articleId, LocalDate from, LocalDate to, String subtreePath) {
        reads.flush();
        return count("count(distinct member_id)", 'V', articleId, range(from, to), subtreePath);
    }

    /** An article's figures for readers in the subtree of {@code orgId} (within the caller's scope). */
    @Transactional(readOnly = true)
    public ArticleFigures article(CurrentUser staff, long articleId, LocalDate from, LocalDate to, Long orgId) {
        OrganisationView readers = readersOrg(staff, orgId);
        Instant[] range = range(from, to);
        reads.flush();
        return jdbc.sql("select id, title, category, published_at, owner_path, audience_path from content_article where id = :a")
                .param("a", articleId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        ArticleStore.instant(rs, "published_at"), rs.getString(5), rs.getString(6)})
                .optional()
                .filter(row -> reaches(staff, (String) row[4], (String) row[5]))
                .map(row -> figures((long) row[0], (String) row[1], ArticleCategory.valueOf((String) row[2]),
                        (Instant) row[3], range, readers.path()))
                .orElseThrow(() -> DomainException.notFound("content.article.not-found"));
    }

    /** The articles published in the range that reach the subtree, with their figures (at most 500). */
    @Transactional(readOnly = true)
    public ReadingFigures summary(CurrentUser staff, LocalDate from, LocalDate to, Long orgId) {
        OrganisationView readers = readersOrg(staff, orgId);
        Instant[] range = range(from, to);
        reads.flush();
        List<String> above = Feed.ancestors(readers.path());
        List<ArticleFigures> rows = new ArrayList<>();
        jdbc.sql("""
                select id, title, category, published_at, owner_path, audience_path from content_article
                where status in ('PUBLISHED', 'WITHDRAWN') and published_at >= :from and published_at < :to
                  and (audience_path in (:above) or audience_path like :below)
                order by published_at desc, id desc fetch first :max rows only""")
                .param("from", Timestamp.from(range[0])).param("to", Timestamp.from(range[1]))
                .param("above", above).param("below", readers.path() + "%").param("max", MAX_ARTICLES)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        ArticleStore.instant(rs, "published_at"), rs.getString(5), rs.getString(6)})
                .list().stream()
                .filter(row -> reaches(staff, (String) row[4], (String) row[5]))
                .forEach(row -> rows.add(figures((long) row[0], (String) row[1],
                        ArticleCategory.valueOf((String) row[2]), (Instant) row[3], range, readers.path())));
        return new ReadingFigures(from, to, readers.id(), readers.name(), rows);
    }

    /** The summary as an Excel sheet (audit-logged). */
    public void export(CurrentUser staff, LocalDate from, LocalDate to, Long orgId, OutputStream out) {
        ReadingFigures figures = summary(staff, from, to, orgId);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> header = List.of("id", "category", "title", "published", "views", "readers", "shares", "pushed",
                "opened", "open-rate").stream()
                .map(code -> messages.getMessage("content.figures.col." + code, null, locale)).toList();
        List<List<?>> rows = new ArrayList<>();
        for (ArticleFigures a : figures.articles()) {
            rows.add(List.of(a.articleId(), messages.getMessage("content.category." + a.category(), null, locale),
                    a.title(), a.publishedAt() == null ? "" : time.dateTime(a.publishedAt()), a.views(), a.readers(),
                    a.shares(), a.pushed(), a.opened(), a.openRate() == null ? "" : a.openRate().toPlainString()));
        }
        rows.add(List.of("", messages.getMessage("content.figures.total", null, locale), figures.articles().size(), "",
                figures.views(), figures.readers(), figures.shares(), figures.pushed(), figures.opened(),
                figures.openRate() == null ? "" : figures.openRate().toPlainString()));
        rows.add(List.of("", messages.getMessage("content.figures.per-article", null, locale), "", "",
                figures.viewsPerArticle(), figures.readersPerArticle(), "", "", "", ""));
        Spreadsheets.write(out, "figures", header, rows);
        audit.record("content.figures.export", "organisation", figures.orgId(), from + ".." + to);
    }

    private ArticleFigures figures(long id, String title, ArticleCategory category, Instant publishedAt,
            Instant[] range, String subtree) {
        var viewsAndReaders = jdbc.sql("""
                select count(*), count(distinct member_id) from content_read_event
                where article_id = :a and kind = 'V' and read_at >= :from and read_at < :to and org_path like :path""")
                .param("a", id).param("from", Timestamp.from(range[0])).param("to", Timestamp.from(range[1]))
                .param("path", subtree + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long shares = count("count(*)", 'S', id, range, subtree);
        var push = jdbc.sql("""
                select count(*), count(opened_at) from content_push_delivery
                where article_id = :a and status = 'SENT' and sent_at >= :from and sent_at < :to and org_path like :path""")
                .param("a", id).param("from", Timestamp.from(range[0])).param("to", Timestamp.from(range[1]))
                .param("path", subtree + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new ArticleFigures(id, title, category, publishedAt, viewsAndReaders[0], viewsAndReaders[1], shares,
                push[0], push[1]);
    }

    private long count(String what, char kind, long articleId, Instant[] range, String subtree) {
        return jdbc.sql("select " + what + """
                 from content_read_event
                where article_id = :a and kind = :k and read_at >= :from and read_at < :to and org_path like :path""")
                .param("a", articleId).param("k", String.valueOf(kind)).param("from", Timestamp.from(range[0]))
                .param("to", Timestamp.from(range[1])).param("path", subtree + "%")
                .query(Long.class).single();
    }

    /** Staff see figures of articles of their subtree, and of articles from above that reach it. */
    private static boolean reaches(CurrentUser staff, String ownerPath, String audiencePath) {
        return staff.covers(ownerPath) || staff.covers(audiencePath) || staff.orgPath().startsWith(audiencePath);
    }

    private OrganisationView readersOrg(CurrentUser staff, Long orgId) {
        if (staff == null || !staff.isStaff()) {
            throw DomainException.forbidden("error.forbidden");
        }
        return organisations.requireInScope(orgId == null ? staff.orgId() : orgId, TreePath.scopeOf(staff));
    }

    private Instant[] range(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw DomainException.invalid("content.figures.range");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to) || from.getYear() < 2000 || to.getYear() > 2100) {
            throw DomainException.invalid("content.figures.range");
        }
        return new Instant[] {time.startOf(from), time.startOf(to.plusDays(1))};
    }
}
