package org.gonghui.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every payment message exists in both languages, once, and every status, account and source has its text. */
class PaymentMessagesTests {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(PaymentMessagesTests.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
        for (String file : List.of("payment.properties", "payment_en.properties")) {
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/i18n", file))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')));
                }
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
        assertThat(load("payment_en.properties").keySet()).isEqualTo(load("payment.properties").keySet());
    }

    @Test
    void everyStatusAccountAndSourceHasText() throws IOException {
        Properties zh = load("payment.properties");
        List<String> needed = new ArrayList<>();
        for (EntitlementStatus s : EntitlementStatus.values()) {
            needed.add("payment.status." + s);
        }
        for (LedgerAccount a : LedgerAccount.values()) {
            needed.add("payment.ledger." + a);
        }
        for (PayeeAccounts.Source s : PayeeAccounts.Source.values()) {
            needed.add("payment.payee.source." + s);
        }
        for (String line : List.of("PENDING", "PAID", "FAILED")) {
            needed.add("payment.line." + line);
        }
        assertThat(zh.stringPropertyNames()).containsAll(needed);
    }
}
