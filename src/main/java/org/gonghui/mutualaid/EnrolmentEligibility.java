package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.gonghui.member.Gender;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;

/**
 * Who may enrol in a plan (参保条件): an active member of an eligible type, gender and age (on the first day
 * of cover), who declared good health where the plan asks, within the enrolment window, with 1 to the
 * plan's maximum shares. Answers the message code of the first rule broken, if any.
 */
final class EnrolmentEligibility {

    private EnrolmentEligibility() {
    }

    static Optional<String> check(PlanRules plan, MemberStatus status, MemberType type, Gender gender,
            LocalDate birthDate, boolean healthDeclared, int shares, LocalDate on) {
        if (status != MemberStatus.ACTIVE) {
            return Optional.of("mutualaid.enrol.not-active");
        }
        if (!plan.eligibility().memberTypes().contains(type)) {
            return Optional.of("mutualaid.enrol.type");
        }
        if (plan.eligibility().gender() != null && plan.eligibility().gender() != gender) {
            return Optional.of("mutualaid.enrol.gender");
        }
        Integer maxAge = plan.eligibility().maxAge();
        if (maxAge != null && Period.between(birthDate, plan.coverYear().start()).getYears() > maxAge) {
            return Optional.of("mutualaid.enrol.age");
        }
        if (plan.eligibility().healthDeclaration() && !healthDeclared) {
            return Optional.of("mutualaid.enrol.health");
        }
        if (on.isBefore(plan.enrolmentOpens()) || on.isAfter(plan.enrolmentCloses())) {
            return Optional.of("mutualaid.enrol.window");
        }
        if (shares < 1 || shares > plan.maxShares()) {
            return Optional.of("mutualaid.enrol.shares");
        }
        return Optional.empty();
    }
}
