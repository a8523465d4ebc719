package org.gonghui.activity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.gonghui.member.MemberLookup;

/**
 * A registration as staff list it, with who registered: the member's name, organisation and masked phone.
 * These are null when the member now belongs outside the staff user's scope (moved since registering); the
 * member id is always there.
 */
public record RegistrationListing(@JsonUnwrapped RegistrationView registration, String memberName,
        String memberOrgName, String memberPhoneMasked) {

    static RegistrationListing of(RegistrationView registration, MemberLookup.Listed member) {
        return member == null ? new RegistrationListing(registration, null, null, null)
                : new RegistrationListing(registration, member.name(), member.orgName(), member.phoneMasked());
    }
}
