package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rush on one activity: never more places than the capacity, never two for one member, nothing lost. */
@IntegrationTest
@Import(ActivityTestData.class)
class RegistrationConcurrencyIntegrationTests {

    static final int THREADS = 32;

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;

    @Test
    void twoThousandMembersForOneHundredPlacesGetExactlyOneHundred() throws Exception {
        List<Long> members = data.members(2000, MemberType.IN_SERVICE, false);
        ActivityView activity = activities.publish(data.staffAt("NB"),
                ActivityTestData.open("游泳培训 rush", 100, AllocationMode.FIRST_COME));

        Map<Long, String> answers = rush(members.size(), i -> {
            long member = members.get(i);
            return () -> {
                registrations.register(member, activity.id(), null, false);
                return member;
            };
        });

        List<Long> confirmed = jdbc.sql("select member_id from registration where activity_id = :a and status = 'CONFIRMED'")
                .param("a", activity.id()).query(Long.class).list();
        assertThat(confirmed).hasSize(100).doesNotHaveDuplicates();
        assertThat(count(activity.id())).isEqualTo(100);
        assertThat(answers.entrySet().stream().filter(e -> e.getValue().equals("OK")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(answers.values().stream().filter(v -> !v.equals("OK"))).hasSize(1900).allMatch(Refusal.FULL::equals);
        assertThat(jdbc.sql("select count(distinct place_no) from registration where activity_id = :a and place_no between 1 and 100")
                .param("a", activity.id()).query(Integer.class).single()).isEqualTo(100);
    }

    @Test
    void fiveHundredAttemptsOfOneMemberGiveOneRegistration() throws Exception {
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityView activity = activities.publish(data.staffAt("NB"),
                ActivityTestData.open("茶艺 one member", 100, AllocationMode.FIRST_COME));

        Map<Long, String> answers = rush(500, i -> () -> {
            registrations.register(member, activity.id(), null, false);
            return (long) i;
        });

        assertThat(count(activity.id())).isEqualTo(1);
        assertThat(answers.values().stream().filter("OK"::equals)).hasSize(1);
        assertThat(answers.values().stream().filter(v -> !v.equals("OK"))).allMatch(Refusal.ALREADY_REGISTERED::equals);
        assertThat(activities.freePlaces(activities.requireInScope(data.staffAt("NB"), activity.id()))).isEqualTo(99);
    }

    @Test
    void membersComingBackAfterCancellingInTheMiddleOfARushGetTheirOldRegistrationBackAndNobodyElseIsHurt()
            throws Exception {
        List<Long> members = data.members(400, MemberType.IN_SERVICE, false);
        ActivityView activity = activities.publish(data.staffAt("NB"),
                ActivityTestData.open("亲子手工 rush", 400, AllocationMode.FIRST_COME));
        Map<Long, Long> earlier = new java.util.HashMap<>();
        for (long member : members.subList(0, 40)) {
            RegistrationView r = registrations.register(member, activity.id(), null, false);
            registrations.cancel(member, r.id());
            earlier.put(member, r.id());
        }

        // the 40 who cancelled are spread through the rush: their rows make shared commits fail and split
        Map<Long, String> answers = rush(members.size(), i -> {
            long member = members.get((i * 7) % members.size());
            return () -> {
                registrations.register(member, activity.id(), null, false);
                return member;
            };
        });

        assertThat(answers).hasSize(400).allSatisfy((member, answer) -> assertThat(answer).isEqualTo("OK"));
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, member_id, place_no from registration where activity_id = :a and status = 'CONFIRMED'""")
                .param("a", activity.id()).query().listOfRows();
        assertThat(rows).hasSize(400);
        assertThat(rows.stream().map(r -> ((Number) r.get("member_id")).longValue())).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(members);
        assertThat(rows.stream().map(r -> r.get("place_no"))).doesNotHaveDuplicates();
        rows.stream().filter(r -> earlier.containsKey(((Number) r.get("member_id")).longValue())).forEach(r ->
                assertThat(((Number) r.get("id")).longValue()).isEqualTo(earlier.get(((Number) r.get("member_id")).longValue())));
        assertThat(count(activity.id())).isEqualTo(400);
    }

    @Test
    void overflowJoinsTheWaitlistInArrivalOrderAndAFreedPlaceIsOfferedToTheFirst() throws Exception {
        List<Long> members = data.members(60, MemberType.IN_SERVICE, false);
        ActivityView activity = activities.publish(data.staffAt("NB"),
                ActivityTestData.open("攀岩 waitlist", 10, AllocationMode.FIRST_COME));

        rush(members.size(), i -> () -> {
            registrations.register(members.get(i), activity.id(), null, true);
            return members.get(i);
        });

        assertThat(countOf(activity.id(), "CONFIRMED")).isEqualTo(10);
        assertThat(countOf(activity.id(), "WAITLISTED")).isEqualTo(50);
        Long first = jdbc.sql("select member_id from registration where activity_id = :a and status = 'WAITLISTED' order by id limit 1")
                .param("a", activity.id()).query(Long.class).single();
        assertThat(registrations.mine(first, activity.id()).orElseThrow().waitlistPosition()).isEqualTo(1);

        long holder = jdbc.sql("select member_id from registration where activity_id = :a and status = 'CONFIRMED' limit 1")
                .param("a", activity.id()).query(Long.class).single();
        RegistrationView held = registrations.mine(holder, activity.id()).orElseThrow();
        registrations.cancel(holder, held.id());

        RegistrationView offered = registrations.mine(first, activity.id()).orElseThrow();
        assertThat(offered.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(offered.placeNo()).isEqualTo(held.placeNo());
        assertThat(offered.offerExpiresAt()).isNotNull();
        assertThat(registrations.confirmOffer(first, offered.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(countOf(activity.id(), "CONFIRMED")).isEqualTo(10);
    }

    /** Runs {@code n} attempts on {@value #THREADS} threads, released together; answers by key: OK or the refusal code. */
    static Map<Long, String> rush(int n, IntFunction<java.util.concurrent.Callable<Long>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Map<Long, String> answers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                java.util.concurrent.Callable<Long> call = attempt.apply(i);
                long key = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        answers.put(call.call(), "OK");
                    } catch (DomainException e) {
                        answers.put(key + (1L << 40), e.code());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    private int count(long activityId) {
        return jdbc.sql("select count(*) from registration where activity_id = :a").param("a", activityId)
                .query(Integer.class).single();
    }

    private int countOf(long activityId, String status) {
        return jdbc.sql("select count(*) from registration where activity_id = :a and status = :s")
                .param("a", activityId).param("s", status).query(Integer.class).single();
    }

    static Set<String> codes(Map<Long, String> answers) {
        return Set.copyOf(answers.values());
    }
}
