package org.gonghui.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gonghui.member.MemberType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The article rows and their attachments (SQL inside the module that owns the tables). */
@Component
class ArticleStore {

    static final String COLUMNS = """
            id, category, title, summary, body_html, cover_key, owner_org_id, owner_path, audience_org_id,
            audience_path, audience_types, push, status, author_id, author_name, reviewer_name, review_note,
            publish_at, published_at, withdrawn_at, withdrawn_reason, updated_at""";

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ArticleForm form, String cleanBody, String summary, Audience audience, long ownerOrgId,
            String ownerPath, long authorId, String authorName, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into content_article (category, title, summary, body_html, owner_org_id, owner_path,
                  audience_org_id, audience_path, audience_types, push, status, author_id, author_name, created_at,
                  updated_at)
                values (:category, :title, :summary, :body, :owner, :ownerPath, :audienceOrg, :audiencePath, :types,
                  :push, 'DRAFT', :author, :authorName, :now, :now)""")
                .param("category", form.category().name()).param("title", form.title().strip())
                .param("summary", summary).param("body", cleanBody).param("owner", ownerOrgId)
                .param("ownerPath", ownerPath).param("audienceOrg", audience.orgId())
                .param("audiencePath", audience.path()).param("types", audience.typesColumn())
                .param("push", form.push()).param("author", authorId).param("authorName", authorName)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, ArticleForm form, String cleanBody, String summary, Audience audience, Instant now) {
        jdbc.sql("""
                update content_article set category = :category, title = :title, summary = :summary, body_html = :body,
                  audience_org_id = :audienceOrg, audience_path = :audiencePath, audience_types = :types, push = :push,
                  updated_at = :now
                where id = :id""")
                .param("category", form.category().name()).param("title", form.title().strip())
                .param("summary", summary).param("body", cleanBody).param("audienceOrg", audience.orgId())
                .param("audiencePath", audience.path()).param("types", audience.typesColumn())
                .param("push", form.push()).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** Moves the article from {@code from} to {@code to} only if it is still in {@code from}; false otherwise. */
    boolean move(long id, ArticleStatus from, ArticleStatus to, Instant now) {
        return jdbc.sql("update content_article set status = :to, updated_at = :now where id = :id and status = :from")
                .param("to", to.name()).param("from", from.name()).param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    void set(long id, String assignments, java.util.Map<String, ?> params) {
        var spec = jdbc.sql("update content_article set " + assignments + " where id = :id").param("id", id);
        for (var e : params.entrySet()) {
            Object value = e.getValue() instanceof Instant at ? Timestamp.from(at) : e.getValue();
            spec = spec.param(e.getKey(), value);
        }
        spec.update();
    }

    Optional<ArticleView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from content_article where id = :id").param("id", id)
                .query(this::map).optional().map(this::withAttachments);
    }

    Optional<StoredFile> cover(long id) {
        return jdbc.sql("select cover_key, cover_type from content_article where id = :id and cover_key is not null")
                .param("id", id)
                .query((rs, n) -> new StoredFile(rs.getString(1), "cover", rs.getString(2))).optional();
    }

    void setCover(long id, String key, String type, Instant now) {
        jdbc.sql("update content_article set cover_key = :key, cover_type = :type, updated_at = :now where id = :id")
                .param("key", key).param("type", type).param("now", Timestamp.from(now)).param("id", id).update();
    }

    long addAttachment(long articleId, String key, String fileName, String contentType, long size, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into content_attachment (article_id, file_key, file_name, content_type, size_bytes, created_at)
                values (:article, :key, :name, :type, :size, :now)""")
                .param("article", articleId).param("key", key).param("name", fileName).param("type", contentType)
                .param("size", size).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    record StoredFile(String key, String fileName, String contentType) {
    }

    Optional<StoredFile> attachment(long articleId, long attachmentId) {
        return jdbc.sql("select file_key, file_name, content_type from content_attachment where id = :id and article_id = :a")
                .param("id", attachmentId).param("a", articleId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Articles whose owner lies in the scope, newest change first, optionally of one status. */
    List<ArticleView> owned(String scopePath, ArticleStatus status, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from content_article where owner_path like :scope"
                        + (status == null ? "" : " and status = :status")
                        + " order by updated_at desc, id desc offset :offset rows fetch first :limit rows only")
                .param("scope", scopePath + "%").param("status", status == null ? null : status.name())
                .param("offset", offset).param("limit", limit)
                .query(this::map).list();
    }

    /** Scheduled articles whose time has come. */
    List<Long> due(Instant now) {
        return jdbc.sql("select id from content_article where status = 'SCHEDULED' and publish_at <= :now order by publish_at")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    private ArticleView withAttachments(ArticleView view) {
        List<ArticleView.Attachment> files = jdbc.sql("""
                select id, file_name, content_type, size_bytes from content_attachment where article_id = :a order by id""")
                .param("a", view.id())
                .query((rs, n) -> new ArticleView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        return new ArticleView(view.id(), view.category(), view.title(), view.summary(), view.bodyHtml(),
                view.hasCover(), view.ownerOrgId(), view.ownerPath(), view.audienceOrgId(), view.audiencePath(),
                view.audienceTypes(), view.push(), view.status(), view.authorId(), view.authorName(),
                view.reviewerName(), view.reviewNote(), view.publishAt(), view.publishedAt(), view.withdrawnAt(),
                view.withdrawnReason(), view.updatedAt(), files);
    }

    ArticleView map(ResultSet rs, int n) throws SQLException {
        List<MemberType> types = new ArrayList<>(Audience.parseTypes(rs.getString("audience_types")));
        return new ArticleView(rs.getLong("id"), ArticleCategory.valueOf(rs.getString("category")),
                rs.getString("title"), rs.getString("summary"), rs.getString("body_html"),
                rs.getString("cover_key") != null, rs.getLong("owner_org_id"), rs.getString("owner_path"),
                rs.getLong("audience_org_id"), rs.getString("audience_path"), types, rs.getBoolean("push"),
                ArticleStatus.valueOf(rs.getString("status")), rs.getLong("author_id"), rs.getString("author_name"),
                rs.getString("reviewer_name"), rs.getString("review_note"), instant(rs, "publish_at"),
                instant(rs, "published_at"), instant(rs, "withdrawn_at"), rs.getString("withdrawn_reason"),
                instant(rs, "updated_at"), List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
