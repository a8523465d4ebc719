package org.gonghui.content;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The articles published in a date range that reach a subtree, each with its figures in the range, and the totals
 * as Ningbo reports them: clicks and readers (the sum of each article's distinct readers), per article.
 */
public record ReadingFigures(LocalDate from, LocalDate to, long orgId, String orgName, List<ArticleFigures> articles) {

    public ReadingFigures {
        articles = List.copyOf(articles);
    }

    public long views() {
        return articles.stream().mapToLong(ArticleFigures::views).sum();
    }

    public long readers() {
        return articles.stream().mapToLong(ArticleFigures::readers).sum();
    }

    public long shares() {
        return articles.stream().mapToLong(ArticleFigures::shares).sum();
    }

    public long pushed() {
        return articles.stream().mapToLong(ArticleFigures::pushed).sum();
    }

    public long opened() {
        return articles.stream().mapToLong(ArticleFigures::opened).sum();
    }

    /** Clicks per article (Ningbo's 每篇平均点击量), rounded to a whole number. */
    public long viewsPerArticle() {
        return perArticle(views());
    }

    /** Readers per article (每篇平均阅读人数), rounded to a whole number. */
    public long readersPerArticle() {
        return perArticle(readers());
    }

    public BigDecimal openRate() {
        return pushed() == 0 ? null
                : BigDecimal.valueOf(opened() * 100).divide(BigDecimal.valueOf(pushed()), 1, RoundingMode.HALF_UP);
    }

    private long perArticle(long total) {
        return articles.isEmpty() ? 0 : Math.round((double) total / articles.size());
    }
}
