package org.gonghui.content;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to articles for other modules: a help-desk reply or an activity may point to a policy article with its
 * stable address {@code /news/<id>} and show its title. The portal decides on opening whether the reader may see it.
 */
@Service
public class ArticleLinks {

    private final JdbcClient jdbc;

    ArticleLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published article's title, category and address. */
    public record ArticleLink(long id, String title, ArticleCategory category, String path) {
    }

    /** The stable portal address of an article. */
    public static String path(long articleId) {
        return "/news/" + articleId;
    }

    /** The link of a published article; empty when there is none (never published, withdrawn). */
    @Transactional(readOnly = true)
    public Optional<ArticleLink> find(long articleId) {
        return jdbc.sql("select id, title, category from content_article where id = :id and status = 'PUBLISHED'")
                .param("id", articleId)
                .query((rs, n) -> new ArticleLink(rs.getLong(1), rs.getString(2),
                        ArticleCategory.valueOf(rs.getString(3)), path(rs.getLong(1))))
                .optional();
    }
}
