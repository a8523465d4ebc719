package org.gonghui.content;

import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;

/**
 * What an editor writes: category, title, summary, the body as HTML (cleaned when saved), the audience (an
 * organisation in the editor's subtree and member types) and whether publishing texts the audience.
 */
public record ArticleForm(ArticleCategory category, String title, String summary, String bodyHtml,
        Long audienceOrgId, Set<MemberType> audienceTypes, boolean push) {

    static final int TITLE_MAX = 120;
    static final int SUMMARY_MAX = 300;
    static final int BODY_MAX = 200_000;

    /** The form checked: every field present and within its length. */
    ArticleForm checked() {
        if (category == null) {
            throw DomainException.invalid("content.category.required");
        }
        if (title == null || title.isBlank() || title.strip().length() > TITLE_MAX) {
            throw DomainException.invalid("content.title.invalid", TITLE_MAX);
        }
        if (summary != null && summary.strip().length() > SUMMARY_MAX) {
            throw DomainException.invalid("content.summary.too-long", SUMMARY_MAX);
        }
        if (bodyHtml == null || bodyHtml.length() > BODY_MAX || RichText.clean(bodyHtml).isBlank()) {
            throw DomainException.invalid("content.body.invalid", BODY_MAX / 1000);
        }
        if (audienceOrgId == null) {
            throw DomainException.invalid("content.audience.required");
        }
        if (audienceTypes == null || audienceTypes.isEmpty()) {
            throw DomainException.invalid("content.audience.no-type");
        }
        return this;
    }

    /** The summary as stored: the editor's, else the start of the body's text. */
    String summaryOrExcerpt(String cleanBody) {
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        String text = RichText.text(cleanBody).strip();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
