package org.gonghui.member;

import org.gonghui.shared.crypto.PersonalDataCipher;

/** A personal value as stored: encrypted, keyed hash for look-up, masked for display. */
record Sealed(String encrypted, String hash, String masked) {

    static Sealed of(PersonalDataCipher cipher, String plain, String masked) {
        return plain == null ? new Sealed(null, null, null) : new Sealed(cipher.encrypt(plain), cipher.hash(plain), masked);
    }
}
