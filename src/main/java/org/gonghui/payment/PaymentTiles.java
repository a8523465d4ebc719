package org.gonghui.payment;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The member's home-page tile for their payments: a failed one first (the member may need to fix the account). */
@Component
class PaymentTiles implements ServiceTiles {

    private final JdbcClient jdbc;

    PaymentTiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember() || member.memberId() == null) {
            return List.of();
        }
        long failed = 0;
        long paying = 0;
        for (var row : jdbc.sql("""
                select status, count(*) as n from payment_entitlement where member_id = :m
                and status in ('FAILED', 'ENTITLED', 'IN_PAYMENT') group by status""")
                .param("m", member.memberId()).query().listOfRows()) {
            long n = ((Number) row.get("n")).longValue();
            if ("FAILED".equals(row.get("status"))) {
                failed += n;
            } else {
                paying += n;
            }
        }
        List<Status> lines = new ArrayList<>();
        if (failed > 0) {
            lines.add(Status.urgent("portal.tile.payments.failed", failed));
        }
        if (paying > 0) {
            lines.add(Status.of("portal.tile.payments.paying", paying));
        }
        return List.of(new ServiceTile(55, "payments", "/me/payments", "card", "payment.tile", lines));
    }
}
