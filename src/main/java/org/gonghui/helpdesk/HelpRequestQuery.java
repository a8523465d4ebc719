package org.gonghui.helpdesk;

import java.time.Instant;

/**
 * Filter for the staff list. Each part is optional: without {@code status} the open requests (OPEN and
 * WAITING_MEMBER) are listed; {@code orgId} narrows to an organisation's subtree within the user's scope;
 * {@code text} finds a request number exactly or a subject containing it; {@code receivedFrom} (inclusive) and
 * {@code receivedTo} (exclusive) bound when the request was received.
 */
public record HelpRequestQuery(RequestStatus status, RequestType type, Light light, Channel channel, Long orgId,
        Boolean supervised, String text, Instant receivedFrom, Instant receivedTo) {

    public HelpRequestQuery(RequestStatus status, RequestType type, Light light, Channel channel, Long orgId,
            Boolean supervised) {
        this(status, type, light, channel, orgId, supervised, null, null, null);
    }

    public static HelpRequestQuery open() {
        return new HelpRequestQuery(null, null, null, null, null, null);
    }
}
