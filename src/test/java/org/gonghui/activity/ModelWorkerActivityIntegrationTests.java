package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.modelworker.archive.NewModelWorker;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** An activity of the category 劳模专享 takes registrations of model workers only (the model-worker module's answer). */
@IntegrationTest
@Import(ActivityTestData.class)
class ModelWorkerActivityIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired ActivityTestData data;
    @Autowired ModelWorkerArchive archive;
    @Autowired Members members;

    private ModelWorkerView modelWorker(long memberId) {
        CurrentUser staff = Fixtures.staffAt(data.org("NB-HS"), Role.STAFF);
        return archive.register(staff, new NewModelWorker("劳模", members.revealOwn(memberId, PersonalField.ID_NUMBER),
                data.org("NB-HS-T01").id(), "宁波市劳动模范", ModelWorkerLevel.CITY, 2018, "制造业", "某公司",
                LocalDate.of(2018, 5, 1)));
    }

    @Test
    void onlyModelWorkersRegisterForAnActivityReservedForThem() {
        List<Long> people = data.members(3, MemberType.IN_SERVICE, false);
        long worker = people.get(0);
        long colleague = people.get(1);
        long revoked = people.get(2);
        modelWorker(worker);
        ModelWorkerView lost = modelWorker(revoked);
        archive.record(Fixtures.staffAt(data.org("NB-HS"), Role.STAFF), lost.id(), LifeEvent.REVOKED,
                org.gonghui.support.PlatformZone.today().minusDays(1), null, null);
        CurrentUser staff = data.staffAt("NB-HS");
        ActivityView checkUp = activities.publish(staff,
                ActivityTestData.with(ActivityTestData.open("劳模健康体检", 10, AllocationMode.FIRST_COME), null,
                        ActivityCategory.MODEL_WORKER));
        ActivityView training = activities.publish(staff, ActivityTestData.open("游泳培训", 10, AllocationMode.FIRST_COME));

        assertThat(registrations.register(worker, checkUp.id(), null, false).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThatThrownBy(() -> registrations.register(colleague, checkUp.id(), null, false))
                .hasMessageContaining(Refusal.NOT_ELIGIBLE_MODEL_WORKER);
        assertThatThrownBy(() -> registrations.register(colleague, checkUp.id(), null, true))
                .hasMessageContaining(Refusal.NOT_ELIGIBLE_MODEL_WORKER);
        assertThatThrownBy(() -> registrations.register(revoked, checkUp.id(), null, false))
                .hasMessageContaining(Refusal.NOT_ELIGIBLE_MODEL_WORKER);
        assertThat(registrations.register(colleague, training.id(), null, false).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
    }
}
