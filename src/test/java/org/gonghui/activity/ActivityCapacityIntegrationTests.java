package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Raising the capacity of a first-come activity offers the new places to the waitlist. */
@IntegrationTest
@Import(ActivityTestData.class)
class ActivityCapacityIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired ActivityTestData data;

    @Test
    void raisingTheCapacityOffersTheNewPlacesToTheWaitlistInOrder() {
        CurrentUser staff = data.staffAt("NB");
        List<Long> members = data.members(6, MemberType.IN_SERVICE, false);
        ActivityForm form = ActivityTestData.open("加名额", 2, AllocationMode.FIRST_COME);
        ActivityView a = activities.publish(staff, form);
        registrations.register(members.get(0), a.id(), null, false);
        registrations.register(members.get(1), a.id(), null, false);
        RegistrationView first = registrations.register(members.get(2), a.id(), null, true);
        RegistrationView second = registrations.register(members.get(3), a.id(), null, true);
        RegistrationView third = registrations.register(members.get(4), a.id(), null, true);
        assertThat(List.of(first.status(), second.status(), third.status())).containsOnly(RegistrationStatus.WAITLISTED);

        activities.update(staff, a.id(), ActivityTestData.withCapacity(form, 4));

        RegistrationView firstNow = registrations.mineById(members.get(2), first.id());
        RegistrationView secondNow = registrations.mineById(members.get(3), second.id());
        assertThat(firstNow.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(secondNow.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(List.of(firstNow.placeNo(), secondNow.placeNo())).containsExactlyInAnyOrder(3, 4);
        assertThat(firstNow.offerExpiresAt()).isNotNull();
        RegistrationView thirdNow = registrations.mineById(members.get(4), third.id());
        assertThat(thirdNow.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(thirdNow.waitlistPosition()).isEqualTo(1);

        // the reloaded pool counts the offered places as taken
        ActivityView raised = activities.requireInScope(staff, a.id());
        assertThat(activities.freePlaces(raised)).isZero();
        assertThatThrownBy(() -> registrations.register(members.get(5), a.id(), null, false))
                .hasMessageContaining(Refusal.FULL);
        RegistrationView late = registrations.register(members.get(5), a.id(), null, true);
        assertThat(late.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.mineById(members.get(5), late.id()).waitlistPosition()).isEqualTo(2);

        assertThat(registrations.confirmOffer(members.get(2), first.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void newPlacesNobodyWaitsForStayFree() {
        CurrentUser staff = data.staffAt("NB");
        List<Long> members = data.members(3, MemberType.IN_SERVICE, false);
        ActivityForm form = ActivityTestData.open("加名额无候补", 1, AllocationMode.FIRST_COME);
        ActivityView a = activities.publish(staff, form);
        registrations.register(members.get(0), a.id(), null, false);
        RegistrationView waiting = registrations.register(members.get(1), a.id(), null, true);

        activities.update(staff, a.id(), ActivityTestData.withCapacity(form, 3));

        assertThat(registrations.mineById(members.get(1), waiting.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(activities.freePlaces(activities.requireInScope(staff, a.id()))).isEqualTo(1);
        assertThat(registrations.register(members.get(2), a.id(), null, false).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
    }
}
