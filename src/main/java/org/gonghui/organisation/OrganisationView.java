package org.gonghui.organisation;

/** What other modules and the front doors see of an organisation. */
public record OrganisationView(long id, Long parentId, OrganisationKind kind, String name, String code, String path,
        int depth, OrganisationStatus status) {

    public TreePath treePath() {
        return new TreePath(path);
    }

    public boolean isActive() {
        return status == OrganisationStatus.ACTIVE;
    }
}
