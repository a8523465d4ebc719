package org.gonghui.content;

import java.time.Instant;
import java.util.List;

/** An article as its readers see it; {@code bodyHtml} is cleaned ({@link RichText}). */
public record PublishedArticle(long id, ArticleCategory category, String title, String summary, String bodyHtml,
        boolean hasCover, Instant publishedAt, List<ArticleView.Attachment> attachments) {

    public PublishedArticle {
        attachments = List.copyOf(attachments);
    }

    public String link() {
        return ArticleLinks.path(id);
    }
}
