package org.gonghui.hardship;

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
import org.gonghui.hardship.internal.ArchiveStatus;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.Household;
import org.junit.jupiter.api.Test;

/** Every hardship message exists in both languages, once, and every tier, status, cause and relation has its text. */
class HardshipMessagesTests {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(HardshipMessagesTests.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
        for (String file : List.of("hardship.properties", "hardship_en.properties")) {
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/i18n", file))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')));
                }
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
        assertThat(load("hardship_en.properties").keySet()).isEqualTo(load("hardship.properties").keySet());
    }

    @Test
    void everyTierStatusCauseAndRelationHasText() throws IOException {
        Properties zh = load("hardship.properties");
        for (HardshipTier tier : HardshipTier.values()) {
            assertThat(zh).containsKey("hardship.tier." + tier);
        }
        for (ArchiveStatus status : ArchiveStatus.values()) {
            assertThat(zh).containsKey("hardship.status." + status);
        }
        for (Cause cause : Cause.values()) {
            assertThat(zh).containsKey("hardship.cause." + cause);
        }
        for (Household.Relation relation : Household.Relation.values()) {
            assertThat(zh).containsKey("hardship.relation." + relation);
        }
    }
}
