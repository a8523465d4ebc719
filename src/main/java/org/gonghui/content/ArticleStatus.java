package org.gonghui.content;

/**
 * Where an article stands: written ({@code DRAFT}), waiting for a reviewer ({@code IN_REVIEW}), approved for a later
 * time ({@code SCHEDULED}), visible to its audience ({@code PUBLISHED}) or taken back with a reason ({@code WITHDRAWN}).
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, WITHDRAWN
}
