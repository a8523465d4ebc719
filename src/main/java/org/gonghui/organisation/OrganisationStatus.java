package org.gonghui.organisation;

public enum OrganisationStatus {
    ACTIVE, CLOSED
}
