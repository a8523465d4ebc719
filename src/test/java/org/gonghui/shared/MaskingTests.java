package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.shared.crypto.Masking;
import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void masksIdNumbersPhonesAccountsAndNames() {
        assertThat(Masking.idNumber("33020319900101123X")).isEqualTo("3302**********123X");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.bankAccount("6222021234567890123")).isEqualTo("***************0123");
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
    }

    @Test
    void masksShortValuesEntirelyAndKeepsNullAndEmpty() {
        assertThat(Masking.phone("1234")).isEqualTo("****");
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.idNumber("")).isEmpty();
    }
}
