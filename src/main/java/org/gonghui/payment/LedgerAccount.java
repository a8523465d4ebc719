package org.gonghui.payment;

/** The accounts of a programme's journal. */
public enum LedgerAccount {
    /** 支出: what the programme granted */
    EXPENSE,
    /** 应付: granted but not yet paid */
    PAYABLE,
    /** 银行存款: paid out through the bank */
    BANK
}
