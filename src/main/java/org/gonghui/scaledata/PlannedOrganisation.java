package org.gonghui.scaledata;

import org.gonghui.organisation.OrganisationKind;

/**
 * One organisation of the planned tree, as it will be written; {@code district} is the index of its district
 * or park in {@link CityPlan#DISTRICTS} (-1 for the city federation).
 */
record PlannedOrganisation(long id, Long parentId, OrganisationKind kind, String name, String code, String path,
        int depth, int district) {
}
