package org.gonghui.modelworker.allowance;

/** Whether a schedule's amount is for a month or for a year (a year's amount is spread over its months). */
public enum AllowancePeriod {
    MONTHLY, YEARLY
}
