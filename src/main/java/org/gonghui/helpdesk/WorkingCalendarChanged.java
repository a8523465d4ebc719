package org.gonghui.helpdesk;

/** The admins changed holidays or make-up working days: every instance reads the calendar again. */
public record WorkingCalendarChanged() {
}
