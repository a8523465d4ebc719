package org.gonghui.mutualaid;

/** The papers a claim may need (申请材料). */
public enum DocumentType {
    /** 身份证 */
    ID_CARD,
    /** 银行卡 */
    BANK_CARD,
    /** 住院结算单 */
    SETTLEMENT_SHEET,
    /** 出院记录/出院小结 */
    DISCHARGE_RECORD,
    /** 医疗费用发票 */
    INVOICE,
    /** 费用清单 */
    EXPENSE_LIST,
    /** 病理报告 */
    PATHOLOGY_REPORT,
    /** 单位证明 */
    EMPLOYER_CERTIFICATE,
    /** 其他材料 */
    OTHER
}
