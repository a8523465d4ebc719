package org.gonghui.helpdesk;

/** A request was closed (办结) with an outcome; the call-back is due. */
public record HelpRequestClosed(long requestId, String requestNo, Long memberId, long handlingOrgId, Outcome outcome) {
}
