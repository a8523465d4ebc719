package org.gonghui.scaledata;

import java.time.LocalDate;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;

/**
 * One generated member in clear text, before it is sealed and written; {@code statusChangedOn} is set
 * when the member has left or transferred out.
 */
record Person(long memberId, long orgId, String name, String idNumber, String phone, MemberType type,
        LocalDate joinedOn, MemberStatus status, LocalDate statusChangedOn, String cardNumber) {
}
