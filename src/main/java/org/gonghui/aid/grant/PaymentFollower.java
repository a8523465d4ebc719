package org.gonghui.aid.grant;

import java.sql.Timestamp;
import org.gonghui.payment.EntitlementFailed;
import org.gonghui.payment.EntitlementInPayment;
import org.gonghui.payment.EntitlementPaid;
import org.gonghui.payment.EntitlementRetried;
import org.gonghui.payment.PaymentProgramme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Declares aid's payment programmes and makes each approved money grant follow its entitlement: in a batch, paid,
 * failed, retried. The engine publishes these events synchronously inside its own transaction, so the grant's row
 * changes atomically with the payment, exactly once; events of other programmes are ignored.
 */
@Configuration(proxyBeanMethods = false)
class PaymentFollower {

    private final JdbcClient jdbc;
    private final GrantRecords records;

    PaymentFollower(JdbcClient jdbc, GrantRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Bean
    static PaymentProgramme hardshipLivingProgramme() {
        return new PaymentProgramme(AidKind.LIVING.paymentProgramme(), "困难职工生活救助", "Hardship living aid");
    }

    @Bean
    static PaymentProgramme hardshipMedicalProgramme() {
        return new PaymentProgramme(AidKind.MEDICAL.paymentProgramme(), "困难职工医疗救助", "Hardship medical aid");
    }

    @Bean
    static PaymentProgramme festivalProgramme() {
        return new PaymentProgramme(AidKind.FESTIVAL.paymentProgramme(), "送温暖慰问金", "Festival visits");
    }

    @Bean
    static PaymentProgramme schoolAidProgramme() {
        return new PaymentProgramme(AidKind.SCHOOL.paymentProgramme(), "金秋助学", "Autumn school aid");
    }

    @EventListener
    void on(EntitlementInPayment event) {
        follow(event.programme(), event.sourceRef(), "IN_PAYMENT", event.batchNo(), null, null, "in-payment", event.batchNo());
    }

    @EventListener
    void on(EntitlementPaid event) {
        follow(event.programme(), event.sourceRef(), "PAID", null, Timestamp.from(event.paidAt()), null, "paid",
                event.amount().toPlainString());
    }

    @EventListener
    void on(EntitlementFailed event) {
        follow(event.programme(), event.sourceRef(), "FAILED", null, null, event.message(), "payment-failed",
                event.message());
    }

    @EventListener
    void on(EntitlementRetried event) {
        follow(event.programme(), event.sourceRef(), "ENTITLED", null, null, null, "payment-retried", null);
    }

    private void follow(String programme, String sourceRef, String status, String batchNo, Timestamp paidAt,
            String failure, String eventKind, String detail) {
        if (AidKind.ofProgramme(programme).isEmpty() || sourceRef == null || !sourceRef.startsWith("grant:")) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(sourceRef.substring("grant:".length()));
        } catch (NumberFormatException e) {
            return;
        }
        int changed = jdbc.sql("update aid_grant set payment_status = :s, payment_failure = :failure"
                        + (batchNo == null ? "" : ", batch_no = :batch") + (paidAt == null ? "" : ", paid_at = :paid")
                        + " where id = :id and payment_status is not null")
                .param("s", status).param("batch", batchNo == null ? "" : batchNo).param("paid", paidAt == null ? "" : paidAt)
                .param("failure", failure == null ? null : failure.length() > 500 ? failure.substring(0, 500) : failure)
                .param("id", id).update();
        if (changed > 0) {
            records.event(id, "payment", eventKind, detail);
        }
    }
}
