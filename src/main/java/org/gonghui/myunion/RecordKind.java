package org.gonghui.myunion;

/** What the union did for the member; {@code money} kinds count towards "this year the union gave you …". */
public enum RecordKind {
    ACTIVITY_ATTENDED(false),
    WELFARE_CLAIMED(false),
    VOUCHER_USED(false),
    MUTUAL_AID_PAID(true),
    HARDSHIP_AID_PAID(true),
    SCHOOL_AID_PAID(true),
    ALLOWANCE_PAID(true),
    OTHER_PAYMENT(true),
    CARD_DISCOUNT(true),
    HELP_REQUESTED(false),
    HELP_CLOSED(false);

    private final boolean money;

    RecordKind(boolean money) {
        this.money = money;
    }

    public boolean money() {
        return money;
    }

    /** The kind of a payment by its programme (payment module codes); an unknown programme is still money given. */
    public static RecordKind ofProgramme(String programme) {
        if (programme == null) {
            return OTHER_PAYMENT;
        }
        switch (programme) {
            case "MUTUAL_AID":
                return MUTUAL_AID_PAID;
            case "HARDSHIP_LIVING":
            case "HARDSHIP_MEDICAL":
            case "FESTIVAL":
                return HARDSHIP_AID_PAID;
            case "SCHOOL_AID":
                return SCHOOL_AID_PAID;
            case "MODEL_ALLOWANCE":
                return ALLOWANCE_PAID;
            default:
                return OTHER_PAYMENT;
        }
    }
}
