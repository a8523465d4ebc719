package org.gonghui.mutualaid;

/** The fund's ledger accounts. Debits are stored positive, credits negative. */
public enum FundAccount {
    /** 基金存款: the fund's bank balance (asset). */
    BANK,
    /** 互助金收入: contributions received (income). */
    CONTRIBUTIONS,
    /** 互助金支出: benefits granted (expense). */
    BENEFITS,
    /** 应付互助金: benefits approved but not yet paid (liability). */
    PAYABLE
}
