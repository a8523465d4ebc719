package org.gonghui.content;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One article's reading figures for a date range and a subtree of readers' organisations: clicks (views), exact
 * distinct readers, shares, and of the notices pushed in the range to members of the subtree, how many were opened.
 */
public record ArticleFigures(long articleId, String title, ArticleCategory category, Instant publishedAt, long views,
        long readers, long shares, long pushed, long opened) {

    /** Opened ÷ pushed as a percentage with one decimal; null when nothing was pushed. */
    public BigDecimal openRate() {
        return pushed == 0 ? null
                : BigDecimal.valueOf(opened * 100).divide(BigDecimal.valueOf(pushed), 1, RoundingMode.HALF_UP);
    }
}
