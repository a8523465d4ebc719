package org.gonghui.organisation;

/** An organisation and its whole subtree now hang under a new parent. */
public record OrganisationMoved(long organisationId, long fromParentId, long toParentId, String oldPath,
        String newPath) {
}
