package org.gonghui.mutualaid;

/** One line of a unit's staff list for collective enrolment: the row number as Excel shows it, name, ID number. */
public record StaffRow(int row, String name, String idNumber) {
}
