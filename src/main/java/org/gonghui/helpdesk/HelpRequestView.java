package org.gonghui.helpdesk;

import java.time.Instant;
import java.util.Map;

/**
 * A request as its reader may see it. Contents and form answers are clear only for the member and staff in scope;
 * the contact's name and phone are masked for staff on sensitive requests (revealed by a separate, audit-logged
 * call). The three due instants and the light are {@code null} until the time limits are known; a closed request
 * has no light.
 */
public record HelpRequestView(long id, String requestNo, RequestType type, String subtypeCode, String subtypeLabel,
        Difficulty difficulty, Channel channel, Long memberId, String contactName, String contactPhoneMasked,
        String subject, String content, Map<String, String> formAnswers, Long memberOrgId, boolean againstEmployer,
        long handlingOrgId, String handlingOrgName, RequestStatus status, Outcome outcome, String outcomeReason,
        String referredTo, Instant receivedAt, Instant firstResponseAt, Instant lastReplyAt, Instant unansweredSince,
        Instant pausedSince, Instant firstResponseDue, Instant nextUpdateDue, Instant resolutionDue, Light light,
        Instant lightSince, boolean supervised, Instant closedAt, Instant callbackDue, Satisfaction satisfaction,
        Instant ratedAt, boolean reopened, Long duplicateOf, int version) {

    public boolean isOpen() {
        return status.isOpen();
    }
}
