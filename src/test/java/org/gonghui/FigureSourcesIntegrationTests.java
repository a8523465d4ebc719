package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every module's figure source: keys unique across the platform and prefixed with their section, each figure and
 * section labelled in Chinese and English, a ratio's parts defined, and an early year collected
 * without error.
 */
@IntegrationTest
class FigureSourcesIntegrationTests {

    @Autowired List<FigureSource> sources;
    @Autowired MessageSource messages;

    @Test
    void keysAreUniqueLabelledAndRatiosNameDefinedFigures() {
        assertThat(sources).hasSizeGreaterThanOrEqualTo(9);
        Set<String> keys = new HashSet<>();
        for (FigureSource source : sources) {
            for (FigureDefinition d : source.definitions()) {
                assertThat(keys.add(d.key())).as("defined once: " + d.key()).isTrue();
                assertThat(d.key()).startsWith(d.section() + ".");
                for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    assertThat(messages.getMessage("figure." + d.key(), null, null, locale)).as(d.key() + " " + locale)
                            .isNotBlank();
                    assertThat(messages.getMessage("figure.section." + d.section(), null, null, locale))
                            .as(d.section() + " " + locale).isNotBlank();
                }
            }
        }
        for (FigureSource source : sources) {
            for (FigureDefinition d : source.definitions()) {
                if (d.kind() == FigureDefinition.Kind.RATIO) {
                    assertThat(keys).contains(d.numerator(), d.denominator());
                }
            }
        }
    }

    @Test
    void anEarlyYearIsCollectedWithoutNegativeFigures() {
        for (FigureSource source : sources) {
            source.collect(2001, (org, key, value) -> assertThat(value).as(key).isNotNegative());
        }
    }
}
