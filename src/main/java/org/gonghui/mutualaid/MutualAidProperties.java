package org.gonghui.mutualaid;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the mutual-aid module ({@code gonghui.mutual-aid.*}) that are policy rather than a plan's rules.
 *
 * @param participationRate the share of a unit's insured staff that must enrol collectively (0.8)
 * @param smallUnitSize units with this many insured staff or fewer must enrol everyone (10)
 * @param maxDocumentBytes the largest claim document accepted
 * @param documentDeadlineDays default days a member has to answer a document request (补件)
 * @param deficitWarningRatio warn when the projected surplus ratio of a fund falls below this (0.05)
 * @param expectedPaymentDays days from approval to money in the bank, shown to the member
 */
@ConfigurationProperties("gonghui.mutual-aid")
public record MutualAidProperties(BigDecimal participationRate, Integer smallUnitSize, Long maxDocumentBytes,
        Integer documentDeadlineDays, BigDecimal deficitWarningRatio, Integer expectedPaymentDays) {

    public MutualAidProperties {
        participationRate = participationRate == null ? new BigDecimal("0.80") : participationRate;
        smallUnitSize = smallUnitSize == null ? 10 : smallUnitSize;
        maxDocumentBytes = maxDocumentBytes == null ? 8L * 1024 * 1024 : maxDocumentBytes;
        documentDeadlineDays = documentDeadlineDays == null ? 15 : documentDeadlineDays;
        deficitWarningRatio = deficitWarningRatio == null ? new BigDecimal("0.05") : deficitWarningRatio;
        expectedPaymentDays = expectedPaymentDays == null ? 7 : expectedPaymentDays;
    }

    public static MutualAidProperties defaults() {
        return new MutualAidProperties(null, null, null, null, null, null);
    }
}
