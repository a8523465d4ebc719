package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.BudgetView;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantReview;
import org.gonghui.aid.grant.GrantStatus;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.aid.wish.WishStatus;
import org.gonghui.aid.wish.WishView;
import org.gonghui.aid.wish.Wishes;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must stay exact when many press at once: two approvals against a budget that covers only one (the other is
 * refused, the budget never overspent), and a micro-wish claimed by 200 donors at once (exactly one wins).
 */
@IntegrationTest
class AidConcurrencyIntegrationTests {

    @Autowired Grants grants;
    @Autowired GrantReview review;
    @Autowired Budgets budgets;
    @Autowired Wishes wishes;
    @Autowired Entitlements entitlements;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired HardshipApplications hardship;
    @Autowired org.gonghui.hardship.internal.MeansTestData standards;
    @Autowired PlatformTime time;
    @Autowired JdbcClient jdbc;

    AidTestData data;
    OrganisationView point;

    @BeforeEach
    void setUp() {
        data = new AidTestData(members, organisations, hardship, standards);
        point = organisations.create(data.org("NB").treePath(), data.org("NB-HS-T01").id(), OrganisationKind.ENTERPRISE,
                Fixtures.unique("并发测试企业"), Fixtures.unique("AIDC-"));
    }

    private GrantView checked(AidKind kind, String amount) {
        MemberView member = data.member(point.code());
        data.inArchive(member);
        GrantView applied = grants.applyForHardshipAid(member.id(), kind, new BigDecimal(amount), "生活困难");
        return review.check(data.staff("NB-HS-T01"), applied.id(), applied.version(), null, null);
    }

    /** Runs the tasks together from one start signal and answers their outcomes (the value or the exception). */
    private static List<Object> together(List<Callable<Object>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(3)
    void twoApprovalsAtOnceAgainstABudgetForOneApproveOneAndNeverOverspend() throws Exception {
        int year = time.today().getYear();
        BudgetView budget = budgets.set(data.staff("NB-HS"), point.id(), AidKind.LIVING, year, new BigDecimal("3000.00"));
        GrantView a = checked(AidKind.LIVING, "2000.00");
        GrantView b = checked(AidKind.LIVING, "1500.00");
        CurrentUser first = data.staff("NB-HS");
        CurrentUser second = data.staff("NB-HS");
        List<Object> outcomes = together(List.of(() -> review.approve(first, a.id(), a.version()),
                () -> review.approve(second, b.id(), b.version())), 2);

        long approved = outcomes.stream().filter(o -> o instanceof GrantView g && g.status() == GrantStatus.APPROVED).count();
        assertThat(approved).as("outcomes %s", outcomes).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> o instanceof DomainException).singleElement()
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("aid.budget.exhausted"));
        long committed = jdbc.sql("select committed_fen from aid_budget where id = :id").param("id", budget.id())
                .query(Long.class).single();
        GrantView winner = grants.inScope(first, a.id()).status() == GrantStatus.APPROVED ? a : b;
        GrantView loser = winner == a ? b : a;
        assertThat(committed).isEqualTo(winner.amount().movePointRight(2).longValueExact());
        assertThat(grants.inScope(first, loser.id()).status()).isEqualTo(GrantStatus.CHECKED);
        assertThat(entitlements.find("HARDSHIP_LIVING", "grant:" + loser.id())).isEmpty();
        assertThat(entitlements.find("HARDSHIP_LIVING", "grant:" + winner.id())).isPresent();
    }

    @Test
    void theSameGrantApprovedByTwoAtOnceIsApprovedOnceAndCommittedOnce() throws Exception {
        int year = time.today().getYear();
        BudgetView budget = budgets.set(data.staff("NB-HS"), point.id(), AidKind.MEDICAL, year, new BigDecimal("9000.00"));
        GrantView grant = checked(AidKind.MEDICAL, "800.00");
        List<Object> outcomes = together(List.of(() -> review.approve(data.staff("NB-HS"), grant.id(), grant.version()),
                () -> review.approve(data.staff("NB-HS"), grant.id(), grant.version())), 2);
        assertThat(outcomes.stream().filter(o -> o instanceof GrantView).count()).as("outcomes %s", outcomes).isEqualTo(1);
        assertThat(jdbc.sql("select committed_fen from aid_budget where id = :id").param("id", budget.id())
                .query(Long.class).single()).isEqualTo(80_000);
    }

    @Test
    void twoHundredDonorsPressAtOnceAndExactlyOneClaimsTheWish() throws Exception {
        MemberView member = data.member(point.code());
        data.inArchive(member);
        WishView wish = wishes.post(member.id(), "一个新书包", "孩子上三年级，旧书包坏了", new BigDecimal("120.00"));
        List<MemberView> memberDonors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            memberDonors.add(data.member("NB-JB-T01-E1"));
        }
        List<Callable<Object>> claims = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (i % 5 == 0) {
                long donor = memberDonors.get(i / 5).id();
                claims.add(() -> wishes.claimAsMember(donor, wish.id()));
            } else {
                CurrentUser unit = Fixtures.staffAt(data.org(i % 2 == 0 ? "NB-JB" : "NB-HS-T01"), Role.STAFF);
                String name = "爱心单位" + i;
                claims.add(() -> wishes.claimAsUnit(unit, wish.id(), name));
            }
        }
        List<Object> outcomes = together(claims, 32);

        List<Object> won = outcomes.stream().filter(o -> o instanceof WishView).toList();
        assertThat(won).as("exactly one donor wins").hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof WishView)).hasSize(199)
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("aid.wish.taken")));
        WishView stored = wishes.own(member.id(), wish.id());
        assertThat(stored.status()).isEqualTo(WishStatus.CLAIMED);
        assertThat(stored.donorName()).isEqualTo(((WishView) won.get(0)).donorName());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'aid.wish.claim' and record_id = :id")
                .param("id", String.valueOf(wish.id())).query(Long.class).single()).isEqualTo(1);
    }
}
