package org.gonghui.helpdesk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PlausibleDates;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help desk's figures for the console, the API, the exports and (later) the dashboards: per subtree and period,
 * see {@link DeskFigures}. Staff read the figures of their own subtree or of any organisation in it; anything
 * outside it is "not found". A period is at most ten years long; without one it is this year up to today.
 */
@Service
@org.gonghui.shared.db.MayLag
public class HelpdeskFigures {

    /** Red requests listed per level (all are counted). */
    public static final int RED_LISTED_PER_LEVEL = 20;

    private static final long MAX_PERIOD_DAYS = 3660;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private final FigureSlices slices;
    private final Organisations organisations;
    private final PlatformTime time;

    HelpdeskFigures(FigureSlices slices, Organisations organisations, PlatformTime time) {
        this.slices = slices;
        this.organisations = organisations;
        this.time = time;
    }

    /**
     * The figures of {@code orgId}'s subtree (the user's own organisation when null) for the requests received from
     * {@code from} to {@code to} (both included; this year up to today when null).
     */
    @Transactional(readOnly = true)
    public DeskFigures figures(CurrentUser staff, Long orgId, LocalDate from, LocalDate to) {
        TreePath userScope = TreePath.scopeOf(staff);
        OrganisationView org = organisations.requireInScope(orgId == null ? userScope.last() : orgId, userScope);
        LocalDate last = to == null ? time.today() : to;
        LocalDate first = from == null ? last.withDayOfYear(1) : from;
        requirePeriod(first, last);
        TreePath scope = org.treePath();

        Counts total = new Counts();
        Map<RequestType, Counts> byType = new EnumMap<>(RequestType.class);
        Map<Channel, Counts> byChannel = new EnumMap<>(Channel.class);
        Map<Light, Counts> byLight = new EnumMap<>(Light.class);
        Map<String, Counts> byChild = new LinkedHashMap<>();
        for (FigureSlices.Slice slice : slices.read(scope, period(first, last))) {
            total.add(slice);
            byType.computeIfAbsent(slice.type(), t -> new Counts()).add(slice);
            byChannel.computeIfAbsent(slice.channel(), c -> new Counts()).add(slice);
            if (!slice.closed()) {
                byLight.computeIfAbsent(lightOf(slice), l -> new Counts()).add(slice);
            }
            byChild.computeIfAbsent(childPath(scope, slice.path()), p -> new Counts()).add(slice);
        }
        return new DeskFigures(org.id(), org.name(), org.kind(), first, last, total.tally(), tallies(byType, RequestType.values()),
                tallies(byChannel, Channel.values()), tallies(byLight, Light.values()), units(org, byChild), red(scope));
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        PlausibleDates.require(from, to);
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw DomainException.invalid("helpdesk.figures.period");
        }
    }

    /** The period as instants, and the whole months in it (the month figures serve those). */
    private FigureSlices.Period period(LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        LocalDate wholeFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate wholeTo = end.getDayOfMonth() == 1 ? end : end.withDayOfMonth(1);
        if (!wholeFrom.isBefore(wholeTo)) {
            return new FigureSlices.Period(time.startOf(from), time.startOf(end), 1, 0, time.startOf(end), time.startOf(end));
        }
        return new FigureSlices.Period(time.startOf(from), time.startOf(end), monthKey(wholeFrom),
                monthKey(wholeTo.minusMonths(1)), time.startOf(wholeFrom), time.startOf(wholeTo));
    }

    private static int monthKey(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    /** An open request whose light has not been read yet counts as green. */
    private static Light lightOf(FigureSlices.Slice slice) {
        return slice.light() == null ? Light.GREEN : slice.light();
    }

    /** The path of the scope's child that {@code path} lies in, or the scope's own path. */
    private static String childPath(TreePath scope, String path) {
        String prefix = scope.value();
        if (path.length() <= prefix.length()) {
            return prefix;
        }
        int slash = path.indexOf('/', prefix.length());
        return path.substring(0, slash + 1);
    }

    private static <K extends Enum<K>> Map<K, DeskFigures.Tally> tallies(Map<K, Counts> counts, K[] keys) {
        Map<K, DeskFigures.Tally> tallies = new LinkedHashMap<>();
        for (K key : keys) {
            tallies.put(key, counts.getOrDefault(key, new Counts()).tally());
        }
        return tallies;
    }

    /** Every child organisation (and the scope itself when it handles requests), the most behind first. */
    private List<DeskFigures.Unit> units(OrganisationView org, Map<String, Counts> byChild) {
        Map<String, OrganisationView> children = new LinkedHashMap<>();
        for (OrganisationView child : organisations.children(org.id())) {
            children.put(child.path(), child);
        }
        Set<Long> missing = byChild.keySet().stream().filter(p -> !p.equals(org.path()) && !children.containsKey(p))
                .map(p -> new TreePath(p).last()).collect(Collectors.toSet());
        organisations.findAll(missing).values().forEach(o -> children.put(o.path(), o));
        List<DeskFigures.Unit> units = new ArrayList<>();
        Counts own = byChild.get(org.path());
        if (own != null) {
            units.add(new DeskFigures.Unit(org.id(), org.name(), org.kind(), true, own.tally()));
        }
        for (OrganisationView child : children.values()) {
            Counts counts = byChild.get(child.path());
            if (counts != null || child.isActive()) {
                units.add(new DeskFigures.Unit(child.id(), child.name(), child.kind(), false,
                        (counts == null ? new Counts() : counts).tally()));
            }
        }
        units.sort(Comparator.comparingLong((DeskFigures.Unit u) -> -u.tally().red())
                .thenComparingLong(u -> -u.tally().yellow()).thenComparingLong(u -> -u.tally().open())
                .thenComparing(DeskFigures.Unit::name));
        return units;
    }

    private List<DeskFigures.RedLevel> red(TreePath scope) {
        FigureSlices.RedLevels red = slices.red(scope, RED_LISTED_PER_LEVEL);
        Map<Integer, Long> byLevel = red.counts();
        List<Long> listed = red.listed().stream().map(FigureSlices.RedKey::id).toList();
        List<FigureSlices.RedRow> rows = slices.redRows(listed);
        Map<Long, OrganisationView> names = organisations.findAll(rows.stream().map(FigureSlices.RedRow::handlingOrgId)
                .collect(Collectors.toSet()));
        List<DeskFigures.RedLevel> levels = new ArrayList<>();
        byLevel.forEach((level, count) -> levels.add(new DeskFigures.RedLevel(level, count, rows.stream()
                .filter(r -> r.level() == level).map(r -> new DeskFigures.RedRequest(r.id(), r.requestNo(), r.type(),
                        r.subject(), r.handlingOrgId(), names.containsKey(r.handlingOrgId())
                                ? names.get(r.handlingOrgId()).name() : null, r.receivedAt(), r.resolutionDue(),
                        r.redSince(), r.supervised())).toList())));
        return levels;
    }

    /** Sums of slices; {@link #tally()} turns them into counts and rates. */
    static final class Counts {
        private long received;
        private long open;
        private long closed;
        private long onTime;
        private long timed;
        private long workingSeconds;
        private long rated;
        private long satisfied;
        private long yellow;
        private long red;

        void add(FigureSlices.Slice slice) {
            received += slice.count();
            if (slice.closed()) {
                closed += slice.count();
                onTime += slice.onTime();
                timed += slice.timed();
                workingSeconds += slice.workingSeconds();
                rated += slice.rated();
                satisfied += slice.satisfied();
            } else {
                open += slice.count();
                if (slice.light() == Light.YELLOW) {
                    yellow += slice.count();
                } else if (slice.light() == Light.RED) {
                    red += slice.count();
                }
            }
        }

        DeskFigures.Tally tally() {
            BigDecimal averageDays = timed == 0 ? null : BigDecimal.valueOf(workingSeconds)
                    .divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(timed)), 1, RoundingMode.HALF_UP);
            return new DeskFigures.Tally(received, open, closed, onTime, percent(onTime, closed), averageDays, rated,
                    satisfied, percent(satisfied, rated), yellow, red);
        }

        private static BigDecimal percent(long part, long whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                    RoundingMode.HALF_UP);
        }
    }
}
