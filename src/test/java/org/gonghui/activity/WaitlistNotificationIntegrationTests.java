package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.account.LoggingSmsSender;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * "A freed place goes to the next in line, who is told": the waitlisted member gets a text message. And when staff
 * cancel an activity, everyone holding or waiting for a place is told.
 */
@IntegrationTest
@Import(ActivityTestData.class)
class WaitlistNotificationIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired Members members;
    @Autowired LoggingSmsSender sms;
    @Autowired ActivityTestData data;

    @Test
    void theNextInLineIsToldByTextMessageWhenAPlaceIsOffered() {
        String phone = Fixtures.newPhone();
        long waiting = members.register(data.org("NB").treePath(), new NewMember("候补会员", Fixtures.newIdNumber(), phone,
                data.org("NB-HS-T01-E1").id(), MemberType.IN_SERVICE, null, null)).id();
        long holder = data.members(1, MemberType.IN_SERVICE, false).get(0);
        String title = Fixtures.unique("亲子手工");
        ActivityView a = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open(title, 1, AllocationMode.FIRST_COME));
        RegistrationView held = registrations.register(holder, a.id(), null, false);
        RegistrationView queued = registrations.register(waiting, a.id(), null, true);
        assertThat(sms.lastTo(phone)).isEmpty();

        registrations.cancel(holder, held.id());

        assertThat(registrations.mineById(waiting, queued.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> assertThat(text).contains(title, "确认"));
    }

    long memberWithPhone(String phone) {
        return members.register(data.org("NB").treePath(), new NewMember("短信会员", Fixtures.newIdNumber(), phone,
                data.org("NB-HS-T01-E1").id(), MemberType.IN_SERVICE, null, null)).id();
    }

    @Test
    void whenStaffCancelAnActivityEveryoneHoldingOrWaitingForAPlaceIsTold() {
        String heldPhone = Fixtures.newPhone();
        String waitingPhone = Fixtures.newPhone();
        String gonePhone = Fixtures.newPhone();
        long holder = memberWithPhone(heldPhone);
        long waiting = memberWithPhone(waitingPhone);
        long gone = memberWithPhone(gonePhone);
        String title = Fixtures.unique("周末游泳课");
        ActivityView a = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open(title, 1, AllocationMode.FIRST_COME));
        registrations.register(holder, a.id(), null, false);
        registrations.register(waiting, a.id(), null, true);
        RegistrationView left = registrations.register(gone, a.id(), null, true);
        registrations.cancel(gone, left.id());

        activities.cancel(data.staffAt("NB-HS"), a.id());

        for (String phone : java.util.List.of(heldPhone, waitingPhone)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> assertThat(text).contains(title, "已取消")));
        }
        assertThat(sms.lastTo(gonePhone)).isEmpty();
        assertThat(registrations.mine(holder, a.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registrations.mine(waiting, a.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
    }
}
