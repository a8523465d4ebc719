package org.gonghui.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.stats.FigureStore.StoredFigure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboards' figures up to date: collects a year from every {@link FigureSource} (outside any
 * transaction: a source may take seconds), rolls the organisations' own figures up the tree so that each
 * organisation holds its subtree's total, and writes the difference to the stored year in ONE transaction, under a
 * lock on the year's row: a reader sees the year before or after a refresh, never a mix, and two refreshes of a
 * year queue up. A frozen year is never written again. A source that fails keeps its previously stored figures.
 */
@Service
public class FigureRefresh {

    private static final Logger log = LoggerFactory.getLogger(FigureRefresh.class);

    /** The outcome of one year's refresh. {@code skipped} when the year was frozen. */
    public record Result(int year, boolean skipped, int inserted, int updated, int deleted, long millis,
            List<String> failedSources) {
    }

    private final FigureCatalogue catalogue;
    private final FigureStore store;
    private final Organisations organisations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;
    private final AuditLog audit;

    FigureRefresh(FigureCatalogue catalogue, FigureStore store, Organisations organisations,
            TransactionTemplate transactions, ApplicationEventPublisher events, PlatformTime time, AuditLog audit) {
        this.catalogue = catalogue;
        this.store = store;
        this.organisations = organisations;
        this.transactions = transactions;
        this.events = events;
        this.time = time;
        this.audit = audit;
    }

    /** Refreshes this year and the previous one (a frozen year is left as it is). */
    public List<Result> refreshRecent() {
        int current = time.today().getYear();
        return List.of(refresh(current), refresh(current - 1));
    }

    /** Refreshes one year unless it is frozen. */
    public Result refresh(int year) {
        return write(year, null);
    }

    /** The city admin's "refresh now". */
    public List<Result> refreshNow(CurrentUser user) {
        requireCityAdmin(user);
        return refreshRecent();
    }

    /**
     * The city admin's "freeze year Y": a last refresh, then the year's figures never change again. Only a year
     * that has ended can be frozen; freezing a frozen year changes nothing. Audited.
     */
    public YearStatus freeze(CurrentUser user, int year) {
        requireCityAdmin(user);
        requireEnded(year);
        Result result = write(year, user.getUsername());
        audit.record("dashboard.freeze", "dashboard_year", year, result.skipped() ? "already frozen" : "frozen");
        return store.years(List.of(year)).get(year);
    }

    /** The new-year job: freezes the year that has just ended, as "system". */
    public Result freezeEnded(int year) {
        requireEnded(year);
        Result result = write(year, "system");
        if (!result.skipped()) {
            audit.record("system", null, "dashboard.freeze", "dashboard_year", year, "frozen at year end");
        }
        return result;
    }

    public YearStatus status(int year) {
        return store.years(List.of(year)).get(year);
    }

    public static boolean isCityAdmin(CurrentUser user) {
        return user != null && user.isStaff() && user.has(Role.ADMIN) && new TreePath(user.orgPath()).depth() == 1;
    }

    private static void requireCityAdmin(CurrentUser user) {
        TreePath.scopeOf(user);
        if (!isCityAdmin(user)) {
            throw DomainException.forbidden("dashboard.city-admin-only");
        }
    }

    private void requireEnded(int year) {
        if (year < Dashboards.FIRST_YEAR || year >= time.today().getYear()) {
            throw DomainException.invalid("dashboard.freeze.not-ended", year);
        }
    }

    private Result write(int year, String freezingBy) {
        long started = System.nanoTime();
        Instant asOf = time.now();
        if (freezingBy == null && store.years(List.of(year)).get(year).frozen()) {
            return new Result(year, true, 0, 0, 0, 0, List.of());
        }
        return write(year, freezingBy, collect(year), tree(), started, asOf);
    }

    /** Rolls the collected figures up the tree and writes them as the year's figures (one transaction). */
    Result write(int year, String freezingBy, Collected collected, Map<Long, Node> tree, long started, Instant asOf) {
        Map<Long, Map<String, Long>> totals = rollUp(collected.own(), tree);
        Result result = transactions.execute(status -> {
            YearStatus locked = store.lockYear(year);
            if (locked.frozen()) {
                return new Result(year, true, 0, 0, 0, 0, List.of());
            }
            Diff diff = diff(year, totals, tree, collected.keys(), store.ofYear(year));
            store.delete(diff.deletes());
            store.update(diff.updates());
            store.insert(diff.inserts());
            long millis = (System.nanoTime() - started) / 1_000_000;
            store.markRefreshed(year, asOf, millis);
            if (freezingBy != null) {
                store.markFrozen(year, time.now(), freezingBy);
            }
            events.publishEvent(new FiguresWritten(year, diff.inserts().size(), diff.updates().size(),
                    diff.deletes().size(), freezingBy != null));
            return new Result(year, false, diff.inserts().size(), diff.updates().size(), diff.deletes().size(), millis,
                    collected.failed());
        });
        log.info("Dashboard figures of {} {}: {} new, {} changed, {} gone in {} ms{}", year,
                freezingBy != null ? "frozen" : "refreshed", result.inserted(), result.updated(), result.deleted(),
                result.millis(), collected.failed().isEmpty() ? "" : "; failed sources: " + collected.failed());
        return result;
    }

    /** The organisations' own figures, the keys of the sources that answered, and those that failed. */
    record Collected(Map<Long, Map<String, Long>> own, Set<String> keys, List<String> failed) {
    }

    Collected collect(int year) {
        Map<Long, Map<String, Long>> own = new HashMap<>();
        Set<String> keys = new HashSet<>();
        List<String> failed = new ArrayList<>();
        for (FigureSource source : catalogue.sources()) {
            Set<String> stored = new HashSet<>();
            for (FigureDefinition definition : source.definitions()) {
                if (definition.kind() != FigureDefinition.Kind.RATIO) {
                    stored.add(definition.key());
                }
            }
            Map<Long, Map<String, Long>> mine = new HashMap<>();
            try {
                source.collect(year, (organisationId, key, value) -> {
                    if (stored.contains(key)) {
                        mine.computeIfAbsent(organisationId, o -> new HashMap<>()).merge(key, value, Long::sum);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Figure source {} failed for {}; its stored figures stay as they were", source.getClass().getName(),
                        year, e);
                failed.add(source.getClass().getSimpleName());
                continue;
            }
            keys.addAll(stored);
            mine.forEach((org, values) -> {
                Map<String, Long> into = own.computeIfAbsent(org, o -> new HashMap<>());
                values.forEach((key, value) -> into.merge(key, value, Long::sum));
            });
        }
        return new Collected(own, keys, failed);
    }

    /** Where an organisation stands in the tree now. */
    record Node(long id, Long parentId, String path, List<Long> ancestors) {
    }

    Map<Long, Node> tree() {
        Map<Long, Node> nodes = new HashMap<>();
        for (OrganisationView o : organisations.all()) {
            nodes.put(o.id(), new Node(o.id(), o.parentId(), o.path(), o.treePath().ids()));
        }
        return nodes;
    }

    /**
     * Each organisation's subtree totals: every organisation's own figure is added to itself and to each of its
     * ancestors. Figures put under an organisation that does not exist are left out (and logged).
     */
    static Map<Long, Map<String, Long>> rollUp(Map<Long, Map<String, Long>> own, Map<Long, Node> tree) {
        Map<Long, Map<String, Long>> totals = new HashMap<>();
        int unknown = 0;
        for (Map.Entry<Long, Map<String, Long>> entry : own.entrySet()) {
            Node node = tree.get(entry.getKey());
            if (node == null) {
                unknown++;
                continue;
            }
            for (long ancestor : node.ancestors()) {
                Map<String, Long> into = totals.computeIfAbsent(ancestor, a -> new HashMap<>());
                entry.getValue().forEach((key, value) -> into.merge(key, value, Long::sum));
            }
        }
        if (unknown > 0) {
            log.warn("Figures of {} unknown organisations were left out of the dashboards", unknown);
        }
        return totals;
    }

    record Diff(List<StoredFigure> inserts, List<StoredFigure> updates, List<StoredFigure> deletes) {
    }

    private static Diff diff(int year, Map<Long, Map<String, Long>> totals, Map<Long, Node> tree, Set<String> keys,
            List<StoredFigure> existing) {
        record Cell(long orgId, String key) {
        }
        Map<Cell, StoredFigure> wanted = new HashMap<>();
        totals.forEach((orgId, values) -> {
            Node node = tree.get(orgId);
            if (node == null) {
                return;
            }
            values.forEach((key, value) -> {
                if (value != 0) {
                    wanted.put(new Cell(orgId, key), new StoredFigure(orgId, year, key, node.parentId(), node.path(), value));
                }
            });
        });
        List<StoredFigure> updates = new ArrayList<>();
        List<StoredFigure> deletes = new ArrayList<>();
        for (StoredFigure old : existing) {
            if (!keys.contains(old.key())) {
                continue;
            }
            StoredFigure now = wanted.remove(new Cell(old.orgId(), old.key()));
            if (now == null) {
                deletes.add(old);
            } else if (now.value() != old.value() || !java.util.Objects.equals(now.parentId(), old.parentId())
                    || !now.orgPath().equals(old.orgPath())) {
                updates.add(now);
            }
        }
        return new Diff(new ArrayList<>(wanted.values()), updates, deletes);
    }
}
