package org.gonghui.aid.grant;

/** A list is drawn up (DRAFT), submitted once checked by its organisation, and approved above. */
public enum ListStatus {
    DRAFT, SUBMITTED, APPROVED
}
