package org.gonghui.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureDefinition.Kind;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.stats.FigureStore.StoredFigure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 数说 dashboards: an organisation's subtree figures for a year and the year before, read from the stored
 * figures the refresh keeps up to date (a handful of indexed rows, never the modules' tables), and the drill-down to
 * the child organisations. Staff see their own subtree; anything outside it is "not found"; anyone else is refused.
 * A year is one between {@link #FIRST_YEAR} and the current year.
 */
@Service
public class Dashboards {

    public static final int FIRST_YEAR = 2000;

    private final FigureCatalogue catalogue;
    private final FigureStore store;
    private final Organisations organisations;
    private final PlatformTime time;

    Dashboards(FigureCatalogue catalogue, FigureStore store, Organisations organisations, PlatformTime time) {
        this.catalogue = catalogue;
        this.store = store;
        this.organisations = organisations;
        this.time = time;
    }

    /** The dashboard of {@code orgId} (the user's own organisation when null) for {@code year} (this year when null). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(CurrentUser user, Long orgId, Integer year) {
        OrganisationView org = requireOrganisation(user, orgId);
        int y = requireYear(year);
        Map<Integer, Map<String, Long>> values = byYear(store.ofOrganisation(org.id(), List.of(y, y - 1)));
        Map<Integer, YearStatus> statuses = store.years(List.of(y, y - 1));
        List<Dashboard.Section> sections = new ArrayList<>();
        for (FigureCatalogue.Section section : catalogue.sections()) {
            List<DashboardFigure> figures = section.figures().stream()
                    .map(d -> figure(d, values.getOrDefault(y, Map.of()), values.getOrDefault(y - 1, Map.of()),
                            statuses.get(y - 1).refreshed()))
                    .toList();
            sections.add(new Dashboard.Section(section.name(), figures));
        }
        return new Dashboard(org.id(), org.name(), org.kind(), org.path(), y, statuses.get(y), statuses.get(y - 1),
                sections);
    }

    /** One figure of {@code orgId}'s subtree and of each of its children, for {@code year} and the year before. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FigureChildren children(CurrentUser user, long orgId, String key, Integer year) {
        OrganisationView org = requireOrganisation(user, orgId);
        int y = requireYear(year);
        FigureDefinition definition = catalogue.find(key)
                .orElseThrow(() -> DomainException.notFound("dashboard.figure.not-found", key));
        Collection<String> keys = FigureCatalogue.storedKeys(definition);
        Map<Integer, YearStatus> statuses = store.years(List.of(y, y - 1));
        boolean previousKnown = statuses.get(y - 1).refreshed();
        Map<Integer, Map<String, Long>> own = byYear(store.ofOrganisation(org.id(), List.of(y, y - 1)));
        DashboardFigure total = figure(definition, own.getOrDefault(y, Map.of()), own.getOrDefault(y - 1, Map.of()),
                previousKnown);

        Map<Long, Map<Integer, Map<String, Long>>> byChild = new HashMap<>();
        for (StoredFigure f : store.ofChildren(org.id(), List.of(y, y - 1), keys)) {
            byChild.computeIfAbsent(f.orgId(), o -> new HashMap<>()).computeIfAbsent(f.year(), k -> new HashMap<>())
                    .put(f.key(), f.value());
        }
        // the children of now, and those that were children when the year's figures were written (a frozen year)
        Map<Long, OrganisationView> childOrgs = new LinkedHashMap<>();
        organisations.children(org.id()).forEach(c -> childOrgs.put(c.id(), c));
        Set<Long> former = new LinkedHashSet<>(byChild.keySet());
        former.removeAll(childOrgs.keySet());
        childOrgs.putAll(organisations.findAll(former));
        List<FigureChildren.Child> children = new ArrayList<>();
        for (OrganisationView child : childOrgs.values()) {
            Map<Integer, Map<String, Long>> v = byChild.getOrDefault(child.id(), Map.of());
            children.add(new FigureChildren.Child(child.id(), child.name(), child.kind(),
                    figure(definition, v.getOrDefault(y, Map.of()), v.getOrDefault(y - 1, Map.of()), previousKnown)));
        }
        children.sort(Comparator.comparing((FigureChildren.Child c) -> c.figure().value(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(FigureChildren.Child::name));
        return new FigureChildren(org.id(), org.name(), org.kind(), y, statuses.get(y), total, children);
    }

    /**
     * Every figure of each child of {@code orgId} for {@code year} (one read), for the yearly report: child → key → value.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<OrganisationView, Map<String, DashboardFigure>> childrenFigures(CurrentUser user, long orgId, int year) {
        OrganisationView org = requireOrganisation(user, orgId);
        int y = requireYear(year);
        Map<Long, Map<String, Long>> byChild = new HashMap<>();
        for (StoredFigure f : store.ofChildren(org.id(), List.of(y), null)) {
            byChild.computeIfAbsent(f.orgId(), o -> new HashMap<>()).put(f.key(), f.value());
        }
        Map<Long, OrganisationView> childOrgs = new LinkedHashMap<>();
        organisations.children(org.id()).forEach(c -> childOrgs.put(c.id(), c));
        Set<Long> former = new LinkedHashSet<>(byChild.keySet());
        former.removeAll(childOrgs.keySet());
        childOrgs.putAll(organisations.findAll(former));
        Map<OrganisationView, Map<String, DashboardFigure>> result = new LinkedHashMap<>();
        Collection<FigureDefinition> definitions = catalogue.definitions().values();
        for (OrganisationView child : childOrgs.values()) {
            Map<String, Long> v = byChild.getOrDefault(child.id(), Map.of());
            Map<String, DashboardFigure> figures = new LinkedHashMap<>();
            definitions.forEach(d -> figures.put(d.key(), figure(d, v, Map.of(), false)));
            result.put(child, figures);
        }
        return result;
    }

    public OrganisationView requireOrganisation(CurrentUser user, Long orgId) {
        TreePath scope = TreePath.scopeOf(user);
        return organisations.requireInScope(orgId == null ? scope.last() : orgId, scope);
    }

    public int requireYear(Integer year) {
        int current = time.today().getYear();
        if (year == null) {
            return current;
        }
        if (year < FIRST_YEAR || year > current) {
            throw DomainException.invalid("dashboard.year.invalid", year, FIRST_YEAR, current);
        }
        return year;
    }

    private static Map<Integer, Map<String, Long>> byYear(List<StoredFigure> rows) {
        Map<Integer, Map<String, Long>> byYear = new HashMap<>();
        rows.forEach(f -> byYear.computeIfAbsent(f.year(), y -> new HashMap<>()).put(f.key(), f.value()));
        return byYear;
    }

    /** A figure from the stored parts: a missing row is zero; the previous year is null when it was never collected. */
    static DashboardFigure figure(FigureDefinition d, Map<String, Long> year, Map<String, Long> previous,
            boolean previousKnown) {
        BigDecimal value = valueOf(d, year);
        BigDecimal before = previousKnown ? valueOf(d, previous) : null;
        return DashboardFigure.of(d.key(), d.section(), d.kind(), value, before);
    }

    private static BigDecimal valueOf(FigureDefinition d, Map<String, Long> values) {
        if (d.kind() == Kind.RATIO) {
            return DashboardFigure.ratio(values.getOrDefault(d.numerator(), 0L), values.getOrDefault(d.denominator(), 0L));
        }
        return BigDecimal.valueOf(values.getOrDefault(d.key(), 0L));
    }
}
