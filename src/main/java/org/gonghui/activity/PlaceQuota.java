package org.gonghui.activity;

/**
 * A share of an activity's places kept for one organisation's members (e.g. a district): the place numbers
 * {@code firstPlace .. firstPlace + places - 1}.
 */
public record PlaceQuota(long orgId, String orgPath, String orgName, int firstPlace, int places) {

    public int lastPlace() {
        return firstPlace + places - 1;
    }

    boolean holds(int place) {
        return place >= firstPlace && place <= lastPlace();
    }

    /** Whether a member of the organisation at {@code memberPath} belongs to this quota. */
    boolean covers(String memberPath) {
        return memberPath != null && memberPath.startsWith(orgPath);
    }
}
