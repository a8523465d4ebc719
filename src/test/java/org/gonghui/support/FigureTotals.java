package org.gonghui.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;

/**
 * What a {@link FigureSource} put into its sink for a year, and the sums over a subtree: the rows whose organisation
 * lies within it, added up (what the dashboards show for that subtree). Fails on a key the source did not define.
 */
public final class FigureTotals implements FigureSink {

    private final Map<Long, Map<String, Long>> byOrganisation = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Organisations organisations;

    private FigureTotals(FigureSource source, Organisations organisations) {
        this.organisations = organisations;
        source.definitions().stream().filter(d -> d.kind() != FigureDefinition.Kind.RATIO).map(FigureDefinition::key)
                .forEach(keys::add);
    }

    /** Collects {@code source}'s figures of {@code year}. */
    public static FigureTotals collect(FigureSource source, int year, Organisations organisations) {
        FigureTotals totals = new FigureTotals(source, organisations);
        source.collect(year, totals);
        return totals;
    }

    @Override
    public void add(long organisationId, String key, long value) {
        if (!keys.contains(key)) {
            throw new AssertionError("a key the source does not define (or a ratio): " + key);
        }
        byOrganisation.computeIfAbsent(organisationId, id -> new TreeMap<>()).merge(key, value, Long::sum);
    }

    /** The sum of {@code key} over the organisations within {@code subtree}. */
    public long sum(String key, TreePath subtree) {
        Map<Long, OrganisationView> orgs = organisations.findAll(byOrganisation.keySet());
        long sum = 0;
        for (var entry : byOrganisation.entrySet()) {
            OrganisationView org = orgs.get(entry.getKey());
            if (org == null) {
                throw new AssertionError("a figure under an unknown organisation: " + entry.getKey());
            }
            if (subtree.contains(org.path())) {
                sum += entry.getValue().getOrDefault(key, 0L);
            }
        }
        return sum;
    }

    /** The figures of one organisation (not its subtree). */
    public Map<String, Long> of(long organisationId) {
        return byOrganisation.getOrDefault(organisationId, Map.of());
    }
}
