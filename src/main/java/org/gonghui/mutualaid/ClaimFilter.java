package org.gonghui.mutualaid;

/** Queue filters, all optional: status, project, cover year, an organisation's subtree, minimum age in days. */
public record ClaimFilter(ClaimStatus status, String project, Integer coverYear, Long orgId, Integer minAgeDays) {

    public static ClaimFilter open() {
        return new ClaimFilter(null, null, null, null, null);
    }
}
