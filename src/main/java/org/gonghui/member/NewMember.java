package org.gonghui.member;

import java.time.LocalDate;

/** What registering a member takes; gender and birth date come from the ID number. */
public record NewMember(String name, String idNumber, String phone, Long orgId, MemberType type, LocalDate joinedOn,
        String cardNumber) {
}
