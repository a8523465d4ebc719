package org.gonghui.helpdesk;

/** A request was received (submitted by a member or registered by staff) and routed to its first handler. */
public record HelpRequestSubmitted(long requestId, String requestNo, Long memberId, long handlingOrgId, Channel channel) {
}
