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

/** "A freed place goes to the next in line, who is told": the waitlisted member gets a text message. */
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
}
