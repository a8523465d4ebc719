package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every message exists in both languages, once, and every enum and rule the module shows has its text. */
class MessagesTests {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessagesTests.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
        for (String file : List.of("mutualaid.properties", "mutualaid_en.properties")) {
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/i18n", file))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')));
                }
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
        assertThat(load("mutualaid_en.properties").keySet()).isEqualTo(load("mutualaid.properties").keySet());
    }

    @Test
    void everyStatusDocumentRuleAndDiseaseHasText() throws IOException {
        Properties zh = load("mutualaid.properties");
        Set<String> needed = new HashSet<>();
        for (ClaimStatus s : ClaimStatus.values()) {
            needed.add("mutualaid.status." + s);
            needed.add("mutualaid.status.hint." + s);
        }
        for (DocumentType d : DocumentType.values()) {
            needed.add("mutualaid.doc." + d);
        }
        for (String d : ReferenceRules.SERIOUS_DISEASES) {
            needed.add("mutualaid.disease." + d);
        }
        for (String d : ReferenceRules.WOMEN_DISEASES) {
            needed.add("mutualaid.disease." + d);
        }
        for (String rule : List.of("continuous", "waiting-passed", "waiting-period", "outside-cover", "late",
                "below-threshold", "below-threshold-first", "above-threshold", "first-stay", "first-stay-used", "first-stay-granted", "first-stay-earlier", "disease-already-claimed",
                "disease-not-listed", "disease-already-paid", "fixed-sum", "annual-cap", "total")) {
            needed.add("mutualaid.rule." + rule);
        }
        assertThat(zh.stringPropertyNames()).containsAll(needed);
    }
}
