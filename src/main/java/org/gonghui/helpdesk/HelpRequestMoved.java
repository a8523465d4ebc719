package org.gonghui.helpdesk;

/** A request moved to another handling organisation (dispatch, transfer or send back). */
public record HelpRequestMoved(long requestId, String requestNo, Long memberId, EventKind kind, long fromOrgId,
        long toOrgId) {
}
