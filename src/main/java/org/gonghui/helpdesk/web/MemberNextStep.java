package org.gonghui.helpdesk.web;

import java.time.Instant;
import org.gonghui.helpdesk.HelpRequestView;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.helpdesk.RequestStatus;

/**
 * What happens next with a request, as its member reads it: a message code, its arguments (the handling
 * organisation, a deadline) and whether the member has to act. Pure: the pages and a unit test read the same.
 *
 * @param code      {@code helpdesk.next.*}
 * @param due       the deadline the sentence names, or null
 * @param memberActs the member has something to do (answer a question, rate the result)
 */
record MemberNextStep(String code, String org, Instant due, boolean memberActs) {

    /** What happens next at {@code now}: a promised date already passed is not promised again. */
    static MemberNextStep of(Instant now, HelpRequestView r) {
        if (r.status() == RequestStatus.WAITING_MEMBER) {
            return new MemberNextStep("helpdesk.next.asked", r.handlingOrgName(), null, true);
        }
        if (r.status() == RequestStatus.CLOSED) {
            if (r.satisfaction() != null) {
                return new MemberNextStep("helpdesk.next.rated", r.handlingOrgName(), null, false);
            }
            if (r.outcome() == Outcome.WITHDRAWN) {
                return new MemberNextStep("helpdesk.next.withdrawn", r.handlingOrgName(), null, false);
            }
            return new MemberNextStep("helpdesk.next.rate", r.handlingOrgName(), null, true);
        }
        if (r.firstResponseAt() == null) {
            if (r.firstResponseDue() != null && r.firstResponseDue().isBefore(now)) {
                return new MemberNextStep("helpdesk.next.late", r.handlingOrgName(), null, false);
            }
            return new MemberNextStep(r.firstResponseDue() == null ? "helpdesk.next.first" : "helpdesk.next.first-by",
                    r.handlingOrgName(), r.firstResponseDue(), false);
        }
        Instant due = r.nextUpdateDue() != null ? r.nextUpdateDue() : r.resolutionDue();
        if (due != null && due.isBefore(now)) {
            return new MemberNextStep("helpdesk.next.late", r.handlingOrgName(), null, false);
        }
        return new MemberNextStep(due == null ? "helpdesk.next.handling" : "helpdesk.next.handling-by",
                r.handlingOrgName(), due, false);
    }
}
