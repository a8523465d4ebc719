package org.gonghui.helpdesk;

/** The member rated the result (on the portal, the API or on the call-back); {@code reopened} when 不满意 reopened it. */
public record HelpRequestRated(long requestId, String requestNo, Long memberId, Satisfaction satisfaction,
        boolean reopened, boolean onCallback) {
}
