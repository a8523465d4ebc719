package org.gonghui.mutualaid;

/** A stored plan: its id, its rules, and whether members are enrolled (a plan in use never changes). */
public record PlanView(long id, PlanRules rules, boolean frozen) {

    public String project() {
        return rules.project();
    }

    public CoverYear coverYear() {
        return rules.coverYear();
    }
}
