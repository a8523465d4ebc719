package org.gonghui.mutualaid;

/** A stored plan: its id, its rules, and how many members are enrolled (a plan in use never changes). */
public record PlanView(long id, PlanRules rules, long enrolments) {

    public String project() {
        return rules.project();
    }

    public CoverYear coverYear() {
        return rules.coverYear();
    }
}
