package org.gonghui.shared.crypto;

/**
 * How personal data is shown when it is not revealed: enough to recognise, not enough to use.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 330203199001011234} → {@code 3302**********1234}. */
    public static String idNumber(String value) {
        return keep(value, 4, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    /** {@code 6222021234567890123} → {@code ************0123}-style: only the last four digits. */
    public static String bankAccount(String value) {
        return keep(value, 0, 4);
    }

    /** {@code 张三丰} → {@code 张**}. */
    public static String name(String value) {
        return keep(value, 1, 0);
    }

    static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int length = value.length();
        if (length <= head + tail) {
            return "*".repeat(length);
        }
        return value.substring(0, head) + "*".repeat(length - head - tail) + value.substring(length - tail);
    }
}
