package org.gonghui.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlatformTimeTests {

    /** 2026-03-01 05:58 UTC: 13:58 in Ningbo, still 28 February in Los Angeles. */
    private static final Instant AT = Instant.parse("2026-03-01T05:58:00Z");

    private final PlatformTime ningbo = new PlatformTime(Clock.fixed(AT, ZoneId.of("Asia/Shanghai")));

    @Test
    void showsInstantsAndCountsDaysInThePlatformZoneNotTheJvms() {
        assertThat(ningbo.dateTime(AT)).isEqualTo("2026-03-01 13:58");
        assertThat(ningbo.dateTimeSeconds(AT)).isEqualTo("2026-03-01 13:58:00");
        assertThat(ningbo.format(AT, "MM-dd HH:mm")).isEqualTo("03-01 13:58");
        assertThat(ningbo.date(Instant.parse("2026-02-28T16:30:00Z"))).isEqualTo("2026-03-01");
        assertThat(ningbo.dateOf(Instant.parse("2026-02-28T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ningbo.today()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ningbo.startOf(LocalDate.of(2026, 3, 1))).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(ningbo.instantOf(LocalDateTime.of(2026, 3, 1, 13, 58))).isEqualTo(AT);
    }

    @Test
    void localDatesAndTimesAreShownAsTheyAreAndNothingIsEmpty() {
        assertThat(ningbo.dateTime(LocalDateTime.of(2026, 3, 1, 9, 5))).isEqualTo("2026-03-01 09:05");
        assertThat(ningbo.date(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-01");
        assertThat(ningbo.dateTime(null)).isEmpty();
    }

    @Test
    void anotherConfiguredZoneMovesEveryFormat() {
        PlatformTime elsewhere = new PlatformTime(Clock.fixed(AT, ZoneId.of("America/Los_Angeles")));
        assertThat(elsewhere.dateTime(AT)).isEqualTo("2026-02-28 21:58");
        assertThat(elsewhere.today()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    /** Templates format times only through {@code #times}: the JVM's zone cannot leak into a page. */
    @Test
    void templatesFormatTimesOnlyThroughThePlatformZone() throws IOException {
        Pattern forbidden = Pattern.compile("#temporals|#dates|#calendars|atZone\\(|\\.ZONE\\b|systemDefault");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".html")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(line -> forbidden.matcher(line).find())
                            .map(line -> p + ": " + line.trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** Java code takes "now" and "today" from the platform clock, never from the JVM's zone. */
    @Test
    void noCodeAsksTheJvmForItsZone() throws IOException {
        Pattern forbidden = Pattern.compile("LocalDate\\.now\\(\\)|LocalDateTime\\.now\\(\\)|ZonedDateTime\\.now\\(\\)"
                + "|OffsetDateTime\\.now\\(\\)|YearMonth\\.now\\(\\)|Year\\.now\\(\\)|ZoneId\\.systemDefault|Clock\\.systemDefaultZone"
                + "|TimeZone\\.|new (java\\.util\\.)?Date\\(|\\.ZONE\\b");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(line -> forbidden.matcher(line).find())
                            .map(line -> p + ": " + line.trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
