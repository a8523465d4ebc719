package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The help desk's messages exist in both languages, and every light, reason, kind and limit shown has its text. */
class ClockMessagesTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ClockMessagesTests.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("helpdesk_en.properties").keySet()).isEqualTo(load("helpdesk.properties").keySet());
    }

    @Test
    void everyLightReasonKindTypeAndDifficultyHasText() throws IOException {
        Properties zh = load("helpdesk.properties");
        List<String> needed = new ArrayList<>();
        for (Light light : Light.values()) {
            needed.add("helpdesk.light." + light);
        }
        for (String reason : List.of("on-time", "waiting-member", "unanswered", "resolution-share", "resolution-overdue",
                "unanswered-after-yellow", "closed")) {
            needed.add(TrafficLight.REASON + reason);
        }
        for (CalendarDay.Kind kind : CalendarDay.Kind.values()) {
            needed.add("helpdesk.calendar.kind." + kind);
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            needed.add("helpdesk.weekday." + day);
        }
        for (RequestType type : RequestType.values()) {
            needed.add("helpdesk.type." + type);
        }
        for (Difficulty difficulty : Difficulty.values()) {
            needed.add("helpdesk.difficulty." + difficulty);
        }
        assertThat(zh.stringPropertyNames()).containsAll(needed);
    }
}
