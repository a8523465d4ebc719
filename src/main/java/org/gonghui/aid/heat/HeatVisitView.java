package org.gonghui.aid.heat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One summer heat visit (高温慰问): a group visited, what was handed out, who recorded and who signed it off. */
public record HeatVisitView(long id, long orgId, String orgName, String orgPath, int year, LocalDate visitDate,
        String groupName, String site, int headcount, String items, BigDecimal value, String recordedBy,
        Instant recordedAt, String signedOffBy, Instant signedOffAt) {

    public boolean signedOff() {
        return signedOffBy != null;
    }
}
