package org.gonghui.member;

/** The personal values that may be revealed, one at a time and audit-logged. */
public enum PersonalField {
    ID_NUMBER, PHONE, BANK_ACCOUNT
}
