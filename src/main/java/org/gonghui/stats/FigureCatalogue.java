package org.gonghui.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link FigureSource} bean of the platform and the figures they define, grouped by section in the order a
 * district head reads a year's report (members first, content last; a section no one planned comes after them).
 * A key defined twice keeps its first definition.
 */
@Component
public class FigureCatalogue {

    /** The sections in the dashboard's order; other sections follow in the order their sources define them. */
    public static final List<String> SECTION_ORDER = List.of("members", "card", "activities", "mutualaid", "hardship",
            "aid", "modelworkers", "helpdesk", "merchants", "content");

    private static final Logger log = LoggerFactory.getLogger(FigureCatalogue.class);

    private final ObjectProvider<FigureSource> sources;

    FigureCatalogue(ObjectProvider<FigureSource> sources) {
        this.sources = sources;
    }

    public List<FigureSource> sources() {
        return sources.orderedStream().toList();
    }

    /** One section of the dashboard: its figures in their sources' order. */
    public record Section(String name, List<FigureDefinition> figures) {
    }

    /** Every figure by key, sections in {@link #SECTION_ORDER}. */
    public Map<String, FigureDefinition> definitions() {
        Map<String, FigureDefinition> byKey = new LinkedHashMap<>();
        for (Section section : sections()) {
            section.figures().forEach(d -> byKey.put(d.key(), d));
        }
        return byKey;
    }

    public List<Section> sections() {
        Map<String, List<FigureDefinition>> bySection = new LinkedHashMap<>();
        SECTION_ORDER.forEach(s -> bySection.put(s, new ArrayList<>()));
        Map<String, FigureDefinition> seen = new LinkedHashMap<>();
        for (FigureSource source : sources()) {
            for (FigureDefinition definition : source.definitions()) {
                if (seen.putIfAbsent(definition.key(), definition) != null) {
                    log.warn("Figure {} is defined twice; {} keeps the first definition", definition.key(),
                            source.getClass().getName());
                    continue;
                }
                bySection.computeIfAbsent(definition.section(), s -> new ArrayList<>()).add(definition);
            }
        }
        return bySection.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Section(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public Optional<FigureDefinition> find(String key) {
        return Optional.ofNullable(definitions().get(key));
    }

    /** The stored keys a figure is computed from: itself, or a ratio's two parts. */
    public static Collection<String> storedKeys(FigureDefinition definition) {
        return definition.kind() == FigureDefinition.Kind.RATIO
                ? List.of(definition.numerator(), definition.denominator()) : List.of(definition.key());
    }
}
