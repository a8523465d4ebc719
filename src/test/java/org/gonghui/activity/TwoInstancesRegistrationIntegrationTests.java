package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.gonghui.member.MemberType;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances in one rush: each has its own pools of place numbers and its own shared commits over the same
 * database, as two processes behind a load balancer would. Both pools start at place 1, so they hand out the same
 * numbers at first; a place found held elsewhere must cost its member a retry, not a "busy" answer, and never an
 * oversell.
 */
@IntegrationTest
@Import(ActivityTestData.class)
class TwoInstancesRegistrationIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityCatalog catalog;
    @Autowired MemberDirectory directory;
    @Autowired RegistrationStore store;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired Clock clock;
    @Autowired Organisations organisations;
    @Autowired ObjectProvider<ModelWorkerStatus> modelWorkers;

    @Test
    void membersSplitOverTwoInstancesAllGetAPlaceAndNoPlaceIsHeldTwice() throws Exception {
        List<Long> members = data.members(600, MemberType.IN_SERVICE, false);
        ActivityView activity = activities.publish(data.staffAt("NB"),
                ActivityTestData.open("游泳培训 two instances", 1200, AllocationMode.FIRST_COME));
        SharedCommits otherCommits = new SharedCommits(store, tx, 2, new SimpleMeterRegistry());
        // as this instance's (no profile cluster here), the other's pool starts at place 1 too: the worst case
        Registrations other = new Registrations(catalog, new NumberPools(jdbc, organisations, false), directory, store,
                otherCommits, tx, events, clock, modelWorkers);
        try {
            Map<Long, String> answers = RegistrationConcurrencyIntegrationTests.rush(members.size(), i -> {
                long member = members.get(i);
                Registrations instance = i % 2 == 0 ? registrations : other;
                return () -> {
                    instance.register(member, activity.id(), null, false);
                    return member;
                };
            });

            assertThat(answers).hasSize(600).allSatisfy((member, answer) -> assertThat(answer).isEqualTo("OK"));
        } finally {
            otherCommits.stop();
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                select member_id, place_no from registration where activity_id = :a and status = 'CONFIRMED'""")
                .param("a", activity.id()).query().listOfRows();
        assertThat(rows).hasSize(600);
        assertThat(rows.stream().map(r -> ((Number) r.get("member_id")).longValue()))
                .containsExactlyInAnyOrderElementsOf(members);
        assertThat(rows.stream().map(r -> ((Number) r.get("place_no")).intValue())).doesNotHaveDuplicates()
                .allMatch(n -> n >= 1 && n <= 1200);
    }
}
