package org.gonghui.stats;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.springframework.stereotype.Component;

/**
 * A figure source the dashboards' tests fill themselves (per year and organisation), so they depend on no module's
 * data: a count, an amount and a ratio of two counts, in the section "testfigures" (no label: the key is shown).
 * Switched off unless a test switches it on ({@link #activate}, and {@link #deactivate} after): off, it defines no
 * figure and collects nothing, so the other tests of the shared context never see it.
 */
@Component
public class TestFigures implements FigureSource {

    public static final String SECTION = "testfigures";
    public static final String PEOPLE = "testfigures.people";
    public static final String PAID = "testfigures.paid";
    public static final String DONE = "testfigures.done";
    public static final String ASKED = "testfigures.asked";
    public static final String RATE = "testfigures.rate";

    private final Map<Integer, Map<Long, Map<String, Long>>> figures = new ConcurrentHashMap<>();
    private volatile boolean active;

    public void activate() {
        active = true;
    }

    public void deactivate() {
        active = false;
    }

    @Override
    public List<FigureDefinition> definitions() {
        if (!active) {
            return List.of();
        }
        return List.of(FigureDefinition.count(SECTION, PEOPLE), FigureDefinition.amount(SECTION, PAID),
                FigureDefinition.count(SECTION, DONE), FigureDefinition.count(SECTION, ASKED),
                FigureDefinition.ratio(SECTION, RATE, DONE, ASKED));
    }

    @Override
    public void collect(int year, FigureSink sink) {
        if (!active) {
            return;
        }
        figures.getOrDefault(year, Map.of()).forEach((org, values) -> values.forEach((key, value) -> sink.add(org, key, value)));
    }

    /** Sets an organisation's own figure for a year. */
    public void put(int year, long orgId, String key, long value) {
        figures.computeIfAbsent(year, y -> new ConcurrentHashMap<>()).computeIfAbsent(orgId, o -> new ConcurrentHashMap<>())
                .put(key, value);
    }

    public void clear(int year) {
        figures.remove(year);
    }
}
