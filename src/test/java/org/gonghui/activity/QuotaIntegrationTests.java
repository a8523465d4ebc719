package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Quotas by organisation: places kept per district, the common pool, the release, the waitlist, the rush. */
@IntegrationTest
@Import(ActivityTestData.class)
class QuotaIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired PlaceQuotas quotas;
    @Autowired QuotaRelease release;
    @Autowired Organisations organisations;
    @Autowired Members members;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired WeeklySeries series;

    /** {@code count} new members in a new enterprise under the township {@code townshipCode}. */
    List<Long> membersUnder(String townshipCode, int count) {
        OrganisationView township = data.org(townshipCode);
        OrganisationView enterprise = organisations.create(data.org("NB").treePath(), township.id(),
                OrganisationKind.ENTERPRISE, Fixtures.unique("名额企业"), Fixtures.unique("T-QUOTA-"));
        List<NewMember> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new NewMember("名额" + i, Fixtures.newIdNumber(), null, enterprise.id(), MemberType.IN_SERVICE,
                    PlatformZone.today().minusYears(1), null));
        }
        members.registerAll(rows, "quota test");
        return jdbc.sql("select id from member where org_id = :o order by id").param("o", enterprise.id())
                .query(Long.class).list();
    }

    ActivityView publish(int capacity) {
        return activities.publish(data.staffAt("NB"), ActivityTestData.open(Fixtures.unique("分区名额"), capacity,
                AllocationMode.FIRST_COME));
    }

    QuotaForm form(String lines) {
        return new QuotaForm(lines, null, PlatformZone.now().plusHours(5));
    }

    Integer place(long activityId, long memberId) {
        return jdbc.sql("select place_no from registration where activity_id = :a and member_id = :m")
                .param("a", activityId).param("m", memberId).query(Integer.class).single();
    }

    @Test
    void eachDistrictFillsItsOwnQuotaThenTheCommonPoolAndReleasedPlacesGoToTheWaitlist() {
        List<Long> haishu = membersUnder("NB-HS-T01", 4);
        List<Long> jiangbei = membersUnder("NB-JB-T01", 1);
        ActivityView a = publish(6);
        QuotaPlan plan = quotas.set(data.staffAt("NB"), a.id(), form("NB-HS 2\nNB-JB 2"));
        assertThat(plan.quotas()).extracting(PlaceQuota::firstPlace, PlaceQuota::places)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(3, 2));

        for (int i = 0; i < 4; i++) {
            registrations.register(haishu.get(i), a.id(), null, false);
        }
        registrations.register(jiangbei.get(0), a.id(), null, false);
        assertThat(List.of(place(a.id(), haishu.get(0)), place(a.id(), haishu.get(1)))).containsExactlyInAnyOrder(1, 2);
        assertThat(List.of(place(a.id(), haishu.get(2)), place(a.id(), haishu.get(3)))).containsExactlyInAnyOrder(5, 6);
        assertThat(place(a.id(), jiangbei.get(0))).isIn(3, 4);

        long late = membersUnder("NB-HS-T01", 1).get(0);
        assertThatThrownBy(() -> registrations.register(late, a.id(), null, false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(Refusal.FULL_QUOTA_UNTIL));
        assertThat(registrations.freePlacesFor(a, late)).isZero();
        assertThat(registrations.freePlacesFor(a, jiangbei.get(0))).isEqualTo(1);
        RegistrationView waiting = registrations.register(late, a.id(), null, true);
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);

        assertThat(quotas.usage(data.staffAt("NB"), a.id())).extracting(PlaceQuotas.QuotaUse::places,
                PlaceQuotas.QuotaUse::held).containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2),
                org.assertj.core.groups.Tuple.tuple(2, 1), org.assertj.core.groups.Tuple.tuple(2, 2));

        quotas.releaseNow(data.staffAt("NB"), a.id());
        assertThat(release.releaseDue()).isEqualTo(1);
        RegistrationView offered = registrations.mineById(late, waiting.id());
        assertThat(offered.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(offered.placeNo()).isIn(3, 4);
        assertThat(release.releaseDue()).isZero();
        assertThat(jdbc.sql("select count(*) from registration where activity_id = :a and place_no is not null")
                .param("a", a.id()).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void aPlaceFreedInADistrictQuotaGoesToTheFirstWaitingMemberOfThatDistrict() {
        List<Long> haishu = membersUnder("NB-HS-T01", 2);
        List<Long> jiangbei = membersUnder("NB-JB-T01", 1);
        ActivityView a = publish(1);
        quotas.set(data.staffAt("NB"), a.id(), form("NB-HS 1"));
        RegistrationView holder = registrations.register(haishu.get(0), a.id(), null, false);
        RegistrationView jb = registrations.register(jiangbei.get(0), a.id(), null, true);
        RegistrationView hs = registrations.register(haishu.get(1), a.id(), null, true);
        assertThat(jb.status()).isEqualTo(RegistrationStatus.WAITLISTED);

        registrations.cancel(haishu.get(0), holder.id());

        assertThat(registrations.mineById(jiangbei.get(0), jb.id()).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.mineById(haishu.get(1), hs.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
    }

    @Test
    void aRushOverTwoDistrictsNeverGivesADistrictMoreThanItsQuotaAndTheCommonPool() throws Exception {
        List<Long> haishu = membersUnder("NB-HS-T01", 150);
        List<Long> jiangbei = membersUnder("NB-JB-T01", 150);
        ActivityView a = publish(40);
        quotas.set(data.staffAt("NB"), a.id(), form("NB-HS 10\nNB-JB 20"));
        List<Long> everyone = new ArrayList<>(haishu);
        everyone.addAll(jiangbei);
        java.util.Collections.shuffle(everyone, new java.util.Random(7));

        Map<Long, String> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        for (long member : everyone) {
            pool.submit(() -> {
                start.await();
                try {
                    registrations.register(member, a.id(), null, false);
                    answers.put(member, "OK");
                } catch (DomainException e) {
                    answers.put(member, e.code());
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        List<Integer> hsPlaces = placesOf(a.id(), haishu);
        List<Integer> jbPlaces = placesOf(a.id(), jiangbei);
        assertThat(hsPlaces.size() + jbPlaces.size()).isEqualTo(40);
        assertThat(hsPlaces).doesNotHaveDuplicates().allMatch(p -> p <= 10 || p > 30);
        assertThat(jbPlaces).doesNotHaveDuplicates().allMatch(p -> p > 10);
        assertThat(hsPlaces).filteredOn(p -> p <= 10).hasSize(10);
        assertThat(jbPlaces).filteredOn(p -> p > 10 && p <= 30).hasSize(20);
        assertThat(answers.values().stream().filter("OK"::equals)).hasSize(40);
        assertThat(answers.values().stream().filter(v -> !v.equals("OK"))).hasSize(260)
                .allMatch(v -> v.equals(Refusal.FULL) || v.startsWith(Refusal.FULL_QUOTA));
    }

    List<Integer> placesOf(long activityId, List<Long> memberIds) {
        return jdbc.sql("select place_no from registration where activity_id = :a and member_id in (:m)"
                + " and place_no is not null").param("a", activityId).param("m", memberIds).query(Integer.class).list();
    }

    @Test
    void badSplitsAreRefusedWithAReasonAndChangeNothing() {
        ActivityView a = publish(10);
        var admin = data.staffAt("NB");
        assertThatThrownBy(() -> quotas.set(admin, a.id(), form("NB-HS 6\nNB-JB 5")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.quota.over-capacity"));
        assertThatThrownBy(() -> quotas.set(admin, a.id(), form("NB-HS 2\nNB-HS-T01 2")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.quota.org.nested"));
        assertThatThrownBy(() -> quotas.set(admin, a.id(), form("NO-SUCH-ORG 2")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.quota.org.unknown"));
        assertThatThrownBy(() -> quotas.set(data.staffAt("NB-HS"), a.id(), form("NB-HS 2")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.not-found"));
        assertThat(quotas.of(admin, a.id()).isEmpty()).isTrue();

        ActivityView haishuOnly = activities.publish(data.staffAt("NB-HS"),
                ActivityTestData.open(Fixtures.unique("海曙活动"), 10, AllocationMode.FIRST_COME));
        assertThatThrownBy(() -> quotas.set(data.staffAt("NB-HS"), haishuOnly.id(), form("NB-JB 2")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.quota.org.unknown"));
        ActivityView lottery = activities.publish(admin, ActivityTestData.open(Fixtures.unique("抽签"), 10, AllocationMode.LOTTERY));
        assertThatThrownBy(() -> quotas.set(admin, lottery.id(), form("NB-HS 2")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.quota.first-come-only"));

        quotas.set(admin, a.id(), form("NB-HS 4"));
        assertThatThrownBy(() -> activities.update(admin, a.id(), ActivityTestData.open(a.title(), 3, AllocationMode.FIRST_COME)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.capacity.below-quotas"));
        long member = membersUnder("NB-HS-T01", 1).get(0);
        registrations.register(member, a.id(), null, false);
        assertThatThrownBy(() -> quotas.set(admin, a.id(), form("NB-HS 5")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("activity.quota.places-held"));
        assertThat(quotas.of(admin, a.id()).reserved()).isEqualTo(4);
    }

    @Test
    void staffSetQuotasOnTheConsoleAndThroughTheApi() throws Exception {
        ActivityView a = publish(50);
        var admin = data.staffAt("NB");
        mvc.perform(post("/console/activities/" + a.id() + "/quotas").with(as(admin)).with(csrf())
                        .param("lines", "NB-HS 20\nNB-JB 10").param("releaseAt", "")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/activities/" + a.id() + "/quotas").with(as(admin)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("海曙")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("公共名额池")));
        mvc.perform(post("/console/activities/" + a.id() + "/quotas").with(as(admin)).with(csrf())
                        .param("lines", "NB-HS 200"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("超过活动名额")));
        assertThat(quotas.of(admin, a.id()).reserved()).isEqualTo(30);

        mvc.perform(put("/api/v1/activities/" + a.id() + "/quotas").with(as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quotas\":[{\"org\":\"NB-JB\",\"places\":15}],\"releaseAt\":\"2026-01-01T10:00:00\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.quotas[0].places").value(15))
                .andExpect(jsonPath("$.uses[1].places").value(35));
        mvc.perform(put("/api/v1/activities/" + a.id() + "/quotas").with(as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"quotas\":[{\"org\":\"NB-JB\",\"places\":-1}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("activity.quota.places.invalid"));
        mvc.perform(get("/api/v1/activities/" + a.id() + "/quotas").with(as(data.staffAt("NB-JB"))))
                .andExpect(status().isNotFound());
        long member = membersUnder("NB-HS-T01", 1).get(0);
        mvc.perform(get("/api/v1/activities/" + a.id() + "/quotas").with(as(Fixtures.member(member))))
                .andExpect(status().isForbidden());
    }

    @Test
    void nextWeeksInstanceSplitsItsPlacesTheSameWay() {
        java.time.LocalDateTime opens = PlatformZone.now().plusHours(2);
        ActivityForm w = ActivityRepeatIntegrationTests.weekly(Fixtures.unique("每周分区"), null);
        ActivityForm form = new ActivityForm(w.title(), w.category(), w.description(), null, null, true, w.mode(), 10,
                opens, opens.plusDays(2), null, 24, w.memberTypes(), null, false, null, null, null, true, false,
                opens.plusDays(4).toLocalDate() + " 14:00 90", true, null);
        var admin = data.staffAt("NB");
        ActivityView a = activities.publish(admin, form);
        quotas.set(admin, a.id(), new QuotaForm("NB-HS 4\nNB-JB 3", null, opens.plusHours(1)));

        series.publishDue(a.opensAt().plusSeconds(60));

        long next = jdbc.sql("select id from activity where repeat_of = :id").param("id", a.id()).query(Long.class).single();
        QuotaPlan copied = quotas.of(admin, next);
        assertThat(copied.quotas()).extracting(PlaceQuota::orgId, PlaceQuota::firstPlace, PlaceQuota::places)
                .containsExactlyElementsOf(quotas.of(admin, a.id()).quotas().stream()
                        .map(q -> org.assertj.core.groups.Tuple.tuple(q.orgId(), q.firstPlace(), q.places())).toList());
        assertThat(java.time.Duration.between(quotas.of(admin, a.id()).releaseAt(), copied.releaseAt()))
                .isEqualTo(java.time.Duration.ofDays(7));
    }
}
