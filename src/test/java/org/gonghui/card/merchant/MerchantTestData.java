package org.gonghui.card.merchant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;

/** Merchants for the merchant tests: valid credit codes, officers, an approved merchant with its account. */
final class MerchantTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private MerchantTestData() {
    }

    /** A new valid unified social credit code. */
    static String creditCode() {
        String body = String.format("91330200%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
        return body + CreditCode.checkFor(body);
    }

    static CurrentUser officer(Organisations organisations) {
        return Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.STAFF);
    }

    static MerchantApplication application(String name, String category, OutletForm... outlets) {
        return new MerchantApplication(name, creditCode(), List.of(category), "持卡会员 8 折", "王经理", "13905740000",
                List.of(outlets));
    }

    static OutletForm outlet(String name, double lat, double lng) {
        return new OutletForm(name, "宁波市海曙区中山西路 1 号", "海曙区", "10:00-22:00", lat, lng);
    }

    /** An outlet in another district (its position within 100 km of the district's centre). */
    static OutletForm outlet(String name, String district, double lat, double lng) {
        return new OutletForm(name, "宁波市" + district + "沿海路 1 号", district, "10:00-22:00", lat, lng);
    }

    /** A merchant signed in as itself. */
    static CurrentUser account(long accountId, String username) {
        return new CurrentUser(accountId, username, "merchant", null, null, null, null, EnumSet.of(Role.MERCHANT), false,
                true);
    }

    /** An approved merchant (selection by one officer, approval by another), with an account and its outlets. */
    record Approved(long id, CurrentUser account, List<OutletView> outlets) {
    }

    static Approved approved(CardMerchants merchants, MerchantSettings settings, Organisations organisations,
            MerchantApplication application) {
        CurrentUser registrar = officer(organisations);
        CurrentUser reviewer = officer(organisations);
        CurrentUser approver = officer(organisations);
        long id = merchants.register(registrar, application);
        for (String criterion : settings.criteria()) {
            merchants.check(reviewer, id, criterion, true, "符合");
        }
        LocalDate today = PlatformZone.today();
        merchants.approve(approver, id, "HT-" + id, today.minusDays(1), today.plusYears(2), null);
        String username = "m" + Math.abs(SEQUENCE.incrementAndGet());
        long accountId = merchants.addAccount(approver, id, username, null, "Merchant2026!x");
        return new Approved(id, account(accountId, username), merchants.outlets(id));
    }

    /** A new member of the organisation with an active card. */
    static org.gonghui.member.MemberView member(org.gonghui.member.Members members, Organisations organisations,
            String orgCode) {
        var city = organisations.findByCode("NB").orElseThrow().treePath();
        return members.register(city, new org.gonghui.member.NewMember(Fixtures.unique("商测"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), organisations.findByCode(orgCode).orElseThrow().id(),
                org.gonghui.member.MemberType.IN_SERVICE, LocalDate.of(2020, 5, 1), Fixtures.newCardNumber()));
    }

    static Instant hoursFromNow(long hours) {
        return Instant.now().plusSeconds(hours * 3600);
    }
}
