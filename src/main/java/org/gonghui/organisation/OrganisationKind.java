package org.gonghui.organisation;

/**
 * The kinds of organisation and the level of the four-level service system (四级服务体系) each sits on.
 */
public enum OrganisationKind {
    /** 市总工会 */
    CITY(1),
    /** 区县市总工会 */
    DISTRICT(2),
    /** 园区工会 */
    PARK(2),
    /** 乡镇街道总工会 */
    TOWNSHIP(3),
    /** 村社区服务站 */
    COMMUNITY(4),
    /** 企业工会服务站 (200+ employees) */
    ENTERPRISE(4);

    private final int level;

    OrganisationKind(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** A child must sit on a deeper level than its parent; only the city federation has no parent. */
    public boolean mayContain(OrganisationKind child) {
        return child.level > level;
    }

    /** Where employers' members are registered: any level but the city's own roll is allowed. */
    public boolean isServicePoint() {
        return level == 4;
    }
}
