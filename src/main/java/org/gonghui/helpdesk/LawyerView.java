package org.gonghui.helpdesk;

/** A volunteer union lawyer of the roster (公益律师库): the phone only masked. */
public record LawyerView(long id, String name, String firm, String specialities, String phoneMasked, long orgId,
        String orgName, boolean active, int version) {
}
