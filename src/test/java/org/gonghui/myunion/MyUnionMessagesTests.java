package org.gonghui.myunion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every record message exists in both languages, and every kind has its total and entry text; programmes map. */
class MyUnionMessagesTests {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MyUnionMessagesTests.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKindItsTexts() throws IOException {
        Properties zh = load("myunion.properties");
        assertThat(load("myunion_en.properties").keySet()).isEqualTo(zh.keySet());
        List<String> needed = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            needed.add("myunion.total." + kind);
            needed.add("myunion.entry." + kind);
        }
        assertThat(zh.stringPropertyNames()).containsAll(needed);
    }

    @Test
    void mapsEveryPaymentProgrammeToItsKind() {
        assertThat(RecordKind.ofProgramme("MUTUAL_AID")).isEqualTo(RecordKind.MUTUAL_AID_PAID);
        assertThat(RecordKind.ofProgramme("HARDSHIP_LIVING")).isEqualTo(RecordKind.HARDSHIP_AID_PAID);
        assertThat(RecordKind.ofProgramme("HARDSHIP_MEDICAL")).isEqualTo(RecordKind.HARDSHIP_AID_PAID);
        assertThat(RecordKind.ofProgramme("FESTIVAL")).isEqualTo(RecordKind.HARDSHIP_AID_PAID);
        assertThat(RecordKind.ofProgramme("SCHOOL_AID")).isEqualTo(RecordKind.SCHOOL_AID_PAID);
        assertThat(RecordKind.ofProgramme("MODEL_ALLOWANCE")).isEqualTo(RecordKind.ALLOWANCE_PAID);
        assertThat(RecordKind.ofProgramme("SOMETHING_NEW")).isEqualTo(RecordKind.OTHER_PAYMENT);
        assertThat(RecordKind.ofProgramme("SOMETHING_NEW").money()).isTrue();
        assertThat(RecordKind.HELP_REQUESTED.money()).isFalse();
    }

    @Test
    void convertsYuanToFenExactly() {
        assertThat(RecordListeners.fen(new java.math.BigDecimal("1234.56"))).isEqualTo(123_456);
        assertThat(RecordListeners.fen(new java.math.BigDecimal("300"))).isEqualTo(30_000);
    }
}
