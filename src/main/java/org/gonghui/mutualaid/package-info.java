/**
 * Medical mutual aid (职工医疗互助保障): versioned plans and benefit rules, enrolments, online claims with
 * explainable benefits, payouts paid exactly once, and the fund's own double-entry ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mutual aid")
package org.gonghui.mutualaid;
