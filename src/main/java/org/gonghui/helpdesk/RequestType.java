package org.gonghui.helpdesk;

/** The five kinds of request the 12351 desk takes. */
public enum RequestType {
    /** 问题咨询 */
    CONSULTATION,
    /** 服务帮扶 */
    ASSISTANCE,
    /** 信访投诉 */
    COMPLAINT,
    /** 法律援助 */
    LEGAL_AID,
    /** 意见建议 */
    SUGGESTION;

    /** Complaints and legal aid: contents protected, member shown masked to staff, every look audit-logged. */
    public boolean isSensitive() {
        return this == COMPLAINT || this == LEGAL_AID;
    }
}
