package org.gonghui.payment;

/**
 * A programme the union pays from (one per kind of money), declared by its module as a Spring bean. The engine
 * refuses an entitlement of an undeclared programme. Codes: upper-case letters, digits and underscores.
 */
public record PaymentProgramme(String code, String nameZh, String nameEn) {

    public PaymentProgramme {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,29}")) {
            throw new IllegalArgumentException("not a programme code: " + code);
        }
        if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("a programme needs its Chinese and English names: " + code);
        }
    }

    /** The name in the page's language. */
    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
