package org.gonghui.helpdesk;

import java.time.Instant;

/** A request as a list shows it: no contents, no personal data; {@code firstResponseAt} null until answered. */
public record HelpRequestSummary(long id, String requestNo, RequestType type, String subtypeCode, Channel channel,
        String subject, RequestStatus status, Difficulty difficulty, long handlingOrgId, String handlingOrgName,
        Instant receivedAt, Instant firstResponseDue, Instant nextUpdateDue, Instant resolutionDue, Light light,
        boolean supervised, boolean againstEmployer, Long memberId, Instant firstResponseAt) {
}
