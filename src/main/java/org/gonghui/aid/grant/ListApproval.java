package org.gonghui.aid.grant;

import java.util.List;

/** What approving a list did: lines approved, lines waiting for a second approver, lines dropped with the reason. */
public record ListApproval(ListView list, int approved, int awaitingSecond, List<GrantView> dropped) {
}
