package org.gonghui.helpdesk;

/** Where a member's request goes by default ({@code gonghui.helpdesk.routing}). */
public enum Routing {
    /** the member's service point: their organisation when it is a level-4 service point */
    SERVICE_POINT,
    /** the township above the member's service point */
    TOWNSHIP
}
