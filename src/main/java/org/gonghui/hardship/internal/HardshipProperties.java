package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hardship archive's settings ({@code gonghui.hardship.*}).
 *
 * @param visitShare     the share of archives drawn for a home visit in a yearly review, unless staff choose another
 * @param remindDays     how many days before an archive's review is due the member and staff are reminded
 * @param retentionYears how many years after leaving (or a rejection) a record is kept before it is anonymised
 */
@ConfigurationProperties("gonghui.hardship")
public record HardshipProperties(@DefaultValue("0.30") BigDecimal visitShare, @DefaultValue("30") int remindDays,
        @DefaultValue("5") int retentionYears) {
}
