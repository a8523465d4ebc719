package org.gonghui.support;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.gonghui.member.IdNumber;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Builders for test data and signed-in users; unique values so tests never collide in the shared context. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private Fixtures() {
    }

    /** A valid ID number never used before in this run (area 110105, born 1980–1999). */
    public static String newIdNumber() {
        int n = SEQUENCE.getAndIncrement();
        String first17 = "110105" + (1980 + n % 20) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
                + String.format("%03d", (n / 20) % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A phone number never used before in this run (the 199 range is not used by demo data). */
    public static String newPhone() {
        return "199" + String.format("%08d", SEQUENCE.getAndIncrement() + 10_000_000 * (int) (Math.random() * 9));
    }

    /** A member card number never used before in this run (the 6217 99 range is not used by demo data). */
    public static String newCardNumber() {
        String body = "621799" + String.format("%09d", SEQUENCE.getAndIncrement());
        return body + org.gonghui.card.CardNumber.checkDigit(body);
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.getAndIncrement();
    }

    /** A staff principal at an organisation with the given roles. */
    public static CurrentUser staffAt(OrganisationView org, Role... roles) {
        return new CurrentUser(900_000 + SEQUENCE.getAndIncrement(), unique("staff"), "Test staff", null, org.id(),
                org.path(), null, EnumSet.of(roles[0], roles), false, true);
    }

    /** A member principal. */
    public static CurrentUser member(long memberId) {
        return new CurrentUser(800_000 + SEQUENCE.getAndIncrement(), "member:" + memberId, "Test member", null, null, null,
                memberId, EnumSet.of(Role.MEMBER), false, true);
    }

    /** MockMvc: run the request as this principal. */
    public static RequestPostProcessor as(CurrentUser user) {
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        return authentication(auth);
    }
}
