package org.gonghui.mutualaid;

import java.sql.Timestamp;
import java.util.List;
import org.gonghui.payment.EntitlementFailed;
import org.gonghui.payment.EntitlementInPayment;
import org.gonghui.payment.EntitlementPaid;
import org.gonghui.payment.EntitlementRequest;
import org.gonghui.payment.EntitlementRetried;
import org.gonghui.payment.EntitlementView;
import org.gonghui.payment.Entitlements;
import org.gonghui.payment.PaymentBatches;
import org.gonghui.payment.PaymentProgramme;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mutual aid pays through the payment engine: an approved claim becomes an entitlement of the programme
 * {@code MUTUAL_AID} with the key {@code claim:<id>}; the claim's IN_PAYMENT, PAID and PAYMENT_FAILED follow the
 * engine's events (synchronous, in the engine's transaction, so claim and payment change together), and the fund's
 * ledger posts the benefit paid from {@link EntitlementPaid}.
 */
@Component
class ClaimPayments {

    static final String PROGRAMME = "MUTUAL_AID";

    @Configuration(proxyBeanMethods = false)
    static class Programme {
        @Bean
        PaymentProgramme mutualAidProgramme() {
            return new PaymentProgramme(PROGRAMME, "职工医疗互助", "Medical mutual aid");
        }
    }

    private final JdbcClient jdbc;
    private final Claims claims;
    private final Entitlements entitlements;
    private final PaymentBatches batches;
    private final ClaimRecords records;
    private final FundLedger ledger;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;

    ClaimPayments(JdbcClient jdbc, Claims claims, Entitlements entitlements, PaymentBatches batches, ClaimRecords records,
            FundLedger ledger, ApplicationEventPublisher events, PlatformTime time) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.entitlements = entitlements;
        this.batches = batches;
        this.records = records;
        this.ledger = ledger;
        this.events = events;
        this.time = time;
    }

    static String sourceRef(long claimId) {
        return "claim:" + claimId;
    }

    /** The approved claims become what the members are owed (a claim with nothing to pay owes nothing). */
    void entitle(List<Claim> approved) {
        List<EntitlementRequest> requests = approved.stream().filter(c -> c.amountToPay().isPositive())
                .map(c -> new EntitlementRequest(PROGRAMME, sourceRef(c.id()), c.memberId(), c.orgPath(),
                        c.amountToPay().amount(), "职工医疗互助金 " + Claims.claimNo(c.coverYear(), c.id())))
                .toList();
        entitlements.entitleAll(requests);
    }

    /** The claim's payment, if it has one. */
    java.util.Optional<EntitlementView> payment(long claimId) {
        return entitlements.find(PROGRAMME, sourceRef(claimId));
    }

    /** After the member fixed the account: the failed claim's payment waits for the next batch (admins only). */
    void retry(CurrentUser admin, long claimId) {
        if (admin == null || !admin.isStaff() || !admin.has(org.gonghui.shared.security.Role.ADMIN)) {
            throw DomainException.forbidden("mutualaid.payout.admin-only");
        }
        claims.readable(admin, claimId);
        EntitlementView payment = payment(claimId)
                .orElseThrow(() -> DomainException.conflict("mutualaid.payout.retry-not-failed"));
        try {
            batches.retry(admin, payment.id());
        } catch (DomainException e) {
            if (e.code().equals("payment.retry.not-failed")) {
                throw DomainException.conflict("mutualaid.payout.retry-not-failed");
            }
            throw e;
        }
    }

    @EventListener
    void on(EntitlementInPayment event) {
        if (mine(event.programme(), event.sourceRef())) {
            move(claimId(event.sourceRef()), "APPROVED", "IN_PAYMENT", "in-payment", event.batchNo());
        }
    }

    @EventListener
    void on(EntitlementPaid event) {
        if (!mine(event.programme(), event.sourceRef())) {
            return;
        }
        long claimId = claimId(event.sourceRef());
        if (!move(claimId, "IN_PAYMENT", "PAID", "paid", event.bankRef())) {
            return;
        }
        var claim = jdbc.sql("select project, cover_year from mutualaid_claim where id = :id").param("id", claimId)
                .query().singleRow();
        ledger.benefitPaid((String) claim.get("project"), new CoverYear(((Number) claim.get("cover_year")).intValue()),
                claimId, new Money(event.amount()));
        events.publishEvent(new ClaimPaid(claimId, event.memberId(), event.amount(), time.dateOf(event.paidAt())));
    }

    @EventListener
    void on(EntitlementFailed event) {
        if (mine(event.programme(), event.sourceRef())) {
            move(claimId(event.sourceRef()), "IN_PAYMENT", "PAYMENT_FAILED", "payment-failed", event.message());
        }
    }

    @EventListener
    void on(EntitlementRetried event) {
        if (mine(event.programme(), event.sourceRef())) {
            move(claimId(event.sourceRef()), "PAYMENT_FAILED", "APPROVED", "payment-retry", null);
        }
    }

    private boolean move(long claimId, String from, String to, String kind, String detail) {
        int moved = jdbc.sql("""
                update mutualaid_claim set status = :to, version = version + 1, updated_at = :at
                where id = :id and status = :from""")
                .param("to", to).param("from", from).param("at", Timestamp.from(time.now())).param("id", claimId)
                .update();
        if (moved > 0) {
            records.event(claimId, CurrentUser.current().map(CurrentUser::getUsername).orElse("payment"), kind, detail);
        }
        return moved > 0;
    }

    private static boolean mine(String programme, String sourceRef) {
        return PROGRAMME.equals(programme) && sourceRef != null && sourceRef.startsWith("claim:");
    }

    private static long claimId(String sourceRef) {
        return Long.parseLong(sourceRef.substring("claim:".length()));
    }
}
