package org.gonghui.content;

/** An article was edited, published, withdrawn or deleted: every instance drops its readers' copy. */
public record ArticleChanged(long articleId) {
}
