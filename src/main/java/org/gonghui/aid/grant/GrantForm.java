package org.gonghui.aid.grant;

/** Money paid to the member's account, or goods handed over (送温暖 in kind). */
public enum GrantForm {
    MONEY, GOODS
}
