package org.gonghui.content;

import java.time.Instant;
import java.util.List;
import org.gonghui.member.MemberType;

/** An article as editors see it; {@code bodyHtml} is cleaned ({@link RichText}). */
public record ArticleView(long id, ArticleCategory category, String title, String summary, String bodyHtml,
        boolean hasCover, long ownerOrgId, String ownerPath, long audienceOrgId, String audiencePath,
        List<MemberType> audienceTypes, boolean push, ArticleStatus status, long authorId, String authorName,
        String reviewerName, String reviewNote, Instant publishAt, Instant publishedAt, Instant withdrawnAt,
        String withdrawnReason, Instant updatedAt, List<Attachment> attachments) {

    public ArticleView {
        audienceTypes = List.copyOf(audienceTypes);
        attachments = List.copyOf(attachments);
    }

    /** A file that goes with the article (PDF, JPEG or PNG). */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes) {
    }

    /** The article's stable address on the portal, e.g. {@code /news/12}. */
    public String link() {
        return ArticleLinks.path(id);
    }

    Audience audience() {
        return new Audience(audienceOrgId, audiencePath, java.util.EnumSet.copyOf(audienceTypes));
    }
}
