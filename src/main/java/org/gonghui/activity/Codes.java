package org.gonghui.activity;

import java.security.SecureRandom;

/** Unguessable codes for check-in and vouchers: 31 symbols without look-alikes (no 0/O, 1/I/L). */
final class Codes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    /** A code of {@code length} symbols (about 4.95 bits each: 16 symbols carry 79 bits). */
    static String next(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** A typed code, tidied: upper case, spaces and dashes removed; null when it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replace(" ", "").replace("-", "").trim().toUpperCase(java.util.Locale.ROOT);
        return code.matches("[2-9A-Z]{8,20}") ? code : null;
    }
}
