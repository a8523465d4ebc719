package org.gonghui.helpdesk;

import java.time.Instant;

/**
 * One line of a request's history: who (staff user name; {@code null} when shown to the member), their
 * organisation, when, what, between which organisations, why, and the text (a reply, a note, an answer).
 */
public record HelpRequestEventView(long id, Instant at, String actor, Long actorOrgId, String actorOrgName,
        EventKind kind, Long fromOrgId, String fromOrgName, Long toOrgId, String toOrgName, String reason, String text,
        boolean visibleToMember) {
}
