package org.gonghui.aid.grant;

import java.time.Instant;

/** An organisation's budget for one kind of aid and year. */
public record BudgetView(long id, long orgId, String orgName, String orgPath, AidKind kind, int year,
        BudgetFigures figures, String setBy, Instant setAt) {
}
