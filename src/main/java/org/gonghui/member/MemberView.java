package org.gonghui.member;

import java.time.LocalDate;
import java.time.Period;

/**
 * What staff and the member see of a member: personal values only masked. Revealing a value is a separate,
 * audit-logged call ({@link Members#reveal}).
 */
public record MemberView(long id, String name, Gender gender, LocalDate birthDate, String idNumberMasked,
        String phoneMasked, String bankAccountMasked, long orgId, String orgName, String orgPath, MemberType type,
        MemberStatus status, LocalDate joinedOn, String cardNumberMasked) {

    /** Age in whole years on {@code day} (the platform's today, for a page). */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
