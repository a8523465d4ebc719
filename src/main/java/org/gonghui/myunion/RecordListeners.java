package org.gonghui.myunion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gonghui.activity.ActivityAttended;
import org.gonghui.activity.VoucherUsed;
import org.gonghui.activity.WelfareClaimed;
import org.gonghui.card.DiscountRedeemed;
import org.gonghui.helpdesk.HelpRequestClosed;
import org.gonghui.helpdesk.HelpRequestSubmitted;
import org.gonghui.payment.EntitlementPaid;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into record entries, synchronously in the publisher's transaction (see
 * {@link RecordWriter}). Copies of these events republished from other instances arrive as
 * {@code Remote<…>}, a different event type these methods never receive: the instance where the change was made
 * has written the entry already, into the one shared database.
 */
@Component
class RecordListeners {

    private final RecordWriter writer;
    private final PlatformTime time;

    RecordListeners(RecordWriter writer, PlatformTime time) {
        this.writer = writer;
        this.time = time;
    }

    @EventListener
    void on(ActivityAttended event) {
        writer.write(new RecordEntry(event.memberId(), event.attendedAt(), RecordKind.ACTIVITY_ATTENDED, null,
                "registration:" + event.registrationId(), event.activityTitle(), null));
    }

    @EventListener
    void on(WelfareClaimed event) {
        writer.write(new RecordEntry(event.memberId(), event.claimedAt(), RecordKind.WELFARE_CLAIMED, null,
                "voucher:" + event.voucherId(), event.offerTitle(),
                BigDecimal.valueOf(event.priceFen(), 2).toPlainString()));
    }

    @EventListener
    void on(VoucherUsed event) {
        writer.write(new RecordEntry(event.memberId(), event.redeemedAt(), RecordKind.VOUCHER_USED, null,
                "voucher:" + event.voucherId(), event.offerTitle(), event.outlet()));
    }

    @EventListener
    void on(EntitlementPaid event) {
        writer.write(new RecordEntry(event.memberId(), event.paidAt(), RecordKind.ofProgramme(event.programme()),
                fen(event.amount()), "entitlement:" + event.entitlementId(), event.programme(), null));
    }

    @EventListener
    void on(DiscountRedeemed event) {
        writer.write(new RecordEntry(event.memberId(), event.redeemedAt(), RecordKind.CARD_DISCOUNT,
                event.discountFen(), "redemption:" + event.redemptionId(), event.merchantName(), event.outletName()));
    }

    @EventListener
    void on(HelpRequestSubmitted event) {
        if (event.memberId() != null) {
            writer.write(new RecordEntry(event.memberId(), time.now(), RecordKind.HELP_REQUESTED, null,
                    "help:" + event.requestId(), event.requestNo(), null));
        }
    }

    /** The first closing of a request is recorded; a request reopened and closed again keeps its first outcome. */
    @EventListener
    void on(HelpRequestClosed event) {
        if (event.memberId() != null) {
            writer.write(new RecordEntry(event.memberId(), time.now(), RecordKind.HELP_CLOSED, null,
                    "help:" + event.requestId(), event.requestNo(), event.outcome().name()));
        }
    }

    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
