package org.gonghui.stats;

import java.util.List;
import org.gonghui.organisation.OrganisationKind;

/** One figure of an organisation's subtree for a year, and the same figure for each of its child organisations. */
public record FigureChildren(long orgId, String orgName, OrganisationKind orgKind, int year, YearStatus status,
        DashboardFigure total, List<Child> children) {

    /** A child organisation's subtree figure. */
    public record Child(long orgId, String name, OrganisationKind kind, DashboardFigure figure) {
    }
}
