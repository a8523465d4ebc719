package org.gonghui.card.loan;

/** Where a 蓝领通 application is: waiting for the union to pass it on, with the bank, or decided by the bank. */
public enum LoanStatus {
    SUBMITTED, REFERRED, APPROVED, DECLINED;

    public boolean isOpen() {
        return this == SUBMITTED || this == REFERRED;
    }
}
