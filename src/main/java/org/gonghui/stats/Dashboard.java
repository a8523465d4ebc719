package org.gonghui.stats;

import java.util.List;
import org.gonghui.organisation.OrganisationKind;

/**
 * An organisation's dashboard for {@code year} compared with the year before: its subtree's figures by section,
 * and whether each year's figures are frozen or live (as of when).
 */
public record Dashboard(long orgId, String orgName, OrganisationKind orgKind, String orgPath, int year,
        YearStatus status, YearStatus previousStatus, List<Section> sections) {

    public record Section(String name, List<DashboardFigure> figures) {
    }
}
