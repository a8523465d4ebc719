package org.gonghui.aid.grant;

/**
 * The aid programmes (帮扶项目) and the payment programme each one's money is paid from.
 */
public enum AidKind {
    /** 生活救助 */
    LIVING("HARDSHIP_LIVING"),
    /** 医疗救助 */
    MEDICAL("HARDSHIP_MEDICAL"),
    /** 送温暖 (money or goods) */
    FESTIVAL("FESTIVAL"),
    /** 金秋助学 (per child and school year) */
    SCHOOL("SCHOOL_AID");

    private final String paymentProgramme;

    AidKind(String paymentProgramme) {
        this.paymentProgramme = paymentProgramme;
    }

    public String paymentProgramme() {
        return paymentProgramme;
    }

    /** The kind whose money is paid from this payment programme, if any. */
    public static java.util.Optional<AidKind> ofProgramme(String code) {
        for (AidKind kind : values()) {
            if (kind.paymentProgramme.equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
