package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    private final PersonalDataCipher cipher = new PersonalDataCipher(key(1), key(2));

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt("11010519491231002X");
        assertThat(sealed).doesNotContain("19491231").startsWith("v1:");
        assertThat(cipher.decrypt(sealed)).isEqualTo("11010519491231002X");
    }

    @Test
    void encryptsTheSameValueDifferentlyEachTime() {
        assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
    }

    @Test
    void refusesATamperedCiphertextAndAWrongKey() {
        String sealed = cipher.encrypt("13812345678");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        PersonalDataCipher other = new PersonalDataCipher(key(3), key(2));
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashesDeterministicallyAndDependsOnTheKey() {
        assertThat(cipher.hash("13812345678")).isEqualTo(cipher.hash("13812345678")).hasSize(64);
        assertThat(new PersonalDataCipher(key(1), key(4)).hash("13812345678")).isNotEqualTo(cipher.hash("13812345678"));
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.hash(null)).isNull();
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[16], key(2))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
