package org.gonghui.helpdesk;

/**
 * Filter for the staff list. Each part is optional: without {@code status} the open requests (OPEN and
 * WAITING_MEMBER) are listed; {@code orgId} narrows to an organisation's subtree within the user's scope.
 */
public record HelpRequestQuery(RequestStatus status, RequestType type, Light light, Channel channel, Long orgId,
        Boolean supervised) {

    public static HelpRequestQuery open() {
        return new HelpRequestQuery(null, null, null, null, null, null);
    }
}
