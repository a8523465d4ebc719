package org.gonghui.helpdesk;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.gonghui.member.MemberLookup;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel exports of the help desk: the requests of a subtree received in a period (names and phones masked, no
 * contents, not even the subject of a complaint or legal-aid request) and the figures of {@link HelpdeskFigures}
 * as one table. Each export is audit-logged. Refusals (scope, period, too many rows) come before anything is
 * written, so a front door can still answer them cleanly.
 */
@Service
@org.gonghui.shared.db.MayLag
public class HelpdeskExports {

    /** More rows than this do not make a usable sheet: narrow the period or the subtree. */
    public static final int MAX_ROWS = 500_000;

    private static final int CHUNK = 1000;

    private final HelpdeskFigures figures;
    private final Organisations organisations;
    private final Subtypes subtypes;
    private final MemberLookup members;
    private final MessageSource messages;
    private final PlatformTime time;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    HelpdeskExports(HelpdeskFigures figures, Organisations organisations, Subtypes subtypes, MemberLookup members,
            MessageSource messages, PlatformTime time, AuditLog audit, JdbcClient jdbc) {
        this.figures = figures;
        this.organisations = organisations;
        this.subtypes = subtypes;
        this.members = members;
        this.messages = messages;
        this.time = time;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** What an export covers, checked: the subtree in the user's scope and a period; see {@link #check}. */
    public record Selection(OrganisationView org, LocalDate from, LocalDate to) {
    }

    /** As {@link #check}, and refuses ({@code helpdesk.export.too-many}) a selection of more than {@link #MAX_ROWS}. */
    @Transactional(readOnly = true)
    public Selection checkRequests(CurrentUser staff, Long orgId, LocalDate from, LocalDate to) {
        Selection selection = check(staff, orgId, from, to);
        long count = count(selection);
        if (count > MAX_ROWS) {
            throw DomainException.invalid("helpdesk.export.too-many", count, MAX_ROWS);
        }
        return selection;
    }

    private long count(Selection selection) {
        return jdbc.sql("""
                select count(*) from help_request where handling_org_path like :scope and received_at >= :from
                  and received_at < :to and duplicate_of is null""").param("scope", selection.org().treePath().likePattern())
                .param("from", Timestamp.from(time.startOf(selection.from())))
                .param("to", Timestamp.from(time.startOf(selection.to().plusDays(1)))).query(Long.class).single();
    }

    /** Checks scope and period before anything is written (same rules and defaults as the figures). */
    @Transactional(readOnly = true)
    public Selection check(CurrentUser staff, Long orgId, LocalDate from, LocalDate to) {
        TreePath scope = TreePath.scopeOf(staff);
        OrganisationView org = organisations.requireInScope(orgId == null ? scope.last() : orgId, scope);
        LocalDate last = to == null ? time.today() : to;
        LocalDate first = from == null ? last.withDayOfYear(1) : from;
        HelpdeskFigures.requirePeriod(first, last);
        return new Selection(org, first, last);
    }

    // ---- the figures

    /** The figures as one table: a line for the total, each type, channel, light and child organisation. */
    @Transactional
    public void figures(CurrentUser staff, Selection selection, OutputStream out) {
        DeskFigures f = figures.figures(staff, selection.org().id(), selection.from(), selection.to());
        List<List<?>> lines = new ArrayList<>();
        lines.add(line(message("helpdesk.figures.group.total"), f.orgName(), f.total()));
        f.byType().forEach((type, tally) -> lines.add(line(message("helpdesk.figures.group.type"),
                message("helpdesk.type." + type.name()), tally)));
        f.byChannel().forEach((channel, tally) -> lines.add(line(message("helpdesk.figures.group.channel"),
                message("helpdesk.channel." + channel.name()), tally)));
        f.byLight().forEach((light, tally) -> lines.add(line(message("helpdesk.figures.group.light"),
                message("helpdesk.light." + light.name()), tally)));
        for (DeskFigures.Unit unit : f.units()) {
            lines.add(line(message("helpdesk.figures.group.unit"),
                    unit.self() ? unit.name() + " " + message("helpdesk.figures.self") : unit.name(), unit.tally()));
        }
        List<String> header = FIGURE_COLUMNS.stream().map(c -> message("helpdesk.figures.column." + c)).toList();
        Spreadsheets.write(out, message("helpdesk.figures.sheet"), header, lines);
        audit.record("helpdesk.figures.export", "organisation", f.orgId(), f.from() + ".." + f.to());
    }

    static final List<String> FIGURE_COLUMNS = List.of("group", "name", "received", "open", "closed", "closed-on-time",
            "on-time-rate", "average-days", "rated", "satisfied", "satisfaction-rate", "yellow", "red");

    private static List<?> line(String group, String name, DeskFigures.Tally t) {
        return java.util.Arrays.asList(group, name, t.received(), t.open(), t.closed(), t.closedOnTime(),
                t.onTimeRate(), t.averageWorkingDaysToClose(), t.rated(), t.satisfied(), t.satisfactionRate(),
                t.yellow(), t.red());
    }

    // ---- the requests

    /** The requests of a checked selection ({@link #checkRequests}), oldest first, masked. */
    @Transactional
    public void requests(Selection selection, OutputStream out) {
        TreePath scope = selection.org().treePath();
        Instant from = time.startOf(selection.from());
        Instant to = time.startOf(selection.to().plusDays(1));
        long count = count(selection);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> header = REQUEST_COLUMNS.stream().map(c -> message("helpdesk.export.column." + c)).toList();
        Spreadsheets.write(out, message("helpdesk.export.sheet"), header, () -> new Chunks(scope, from, to, locale));
        audit.record("helpdesk.requests.export", "organisation", selection.org().id(),
                count + " rows, " + selection.from() + ".." + selection.to());
    }

    static final List<String> REQUEST_COLUMNS = List.of("request-no", "received", "type", "subtype", "channel", "status",
            "handling", "name", "phone", "subject", "difficulty", "light", "resolution-due", "closed", "on-time",
            "working-days", "outcome", "satisfaction");

    private record Row(long id, String requestNo, Instant receivedAt, RequestType type, String subtypeCode, Channel channel,
            RequestStatus status, String handlingOrg, Long memberId, String nameMasked, String phoneMasked,
            String subject, Difficulty difficulty, String light, Instant resolutionDue, Instant closedAt,
            Long workingSeconds, String outcome, String satisfaction) {
    }

    /** Reads the requests a thousand at a time (keyset), looking up the members' names per thousand. */
    private final class Chunks implements Iterator<List<?>> {
        private final TreePath scope;
        private final Instant from;
        private final Instant to;
        private final Locale locale;
        private final Map<String, String> subtypeLabels = new java.util.HashMap<>();
        private List<List<?>> lines = List.of();
        private int next;
        private Instant lastAt;
        private long lastId;
        private boolean done;

        Chunks(TreePath scope, Instant from, Instant to, Locale locale) {
            this.scope = scope;
            this.from = from;
            this.to = to;
            this.locale = locale;
            subtypes.all().forEach(s -> subtypeLabels.put(s.code(), s.label(locale)));
        }

        @Override
        public boolean hasNext() {
            if (next < lines.size()) {
                return true;
            }
            if (done) {
                return false;
            }
            List<Row> rows = read();
            done = rows.size() < CHUNK;
            if (!rows.isEmpty()) {
                lastAt = rows.get(rows.size() - 1).receivedAt();
                lastId = rows.get(rows.size() - 1).id();
            }
            lines = lines(rows);
            next = 0;
            return !lines.isEmpty();
        }

        @Override
        public List<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return lines.get(next++);
        }

        private List<Row> read() {
            String after = lastAt == null ? "" : " and (r.received_at > :at or (r.received_at = :at and r.id > :id))";
            var sql = jdbc.sql("""
                    select r.id, r.request_no, r.received_at, r.request_type, r.subtype_code, r.channel, r.status,
                      o.name, r.member_id, r.contact_name_masked, r.contact_phone_masked, r.subject, r.difficulty, r.light,
                      r.resolution_due, r.closed_at, r.close_working_seconds, r.outcome, r.satisfaction
                    from help_request r join organisation o on o.id = r.handling_org_id
                    where r.handling_org_path like :scope and r.received_at >= :from and r.received_at < :to
                      and r.duplicate_of is null"""
                    + after + " order by r.received_at, r.id limit " + CHUNK)
                    .param("scope", scope.likePattern()).param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to));
            if (lastAt != null) {
                sql = sql.param("at", Timestamp.from(lastAt)).param("id", lastId);
            }
            return sql.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    RequestType.valueOf(rs.getString(4)), rs.getString(5), Channel.valueOf(rs.getString(6)),
                    RequestStatus.valueOf(rs.getString(7)), rs.getString(8), (Long) rs.getObject(9, Long.class),
                    rs.getString(10), rs.getString(11), rs.getString(12), Difficulty.valueOf(rs.getString(13)),
                    rs.getString(14), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)),
                    (Long) rs.getObject(17, Long.class), rs.getString(18), rs.getString(19))).list();
        }

        private List<List<?>> lines(List<Row> rows) {
            Map<Long, MemberLookup.Listed> listed = members.byIds(rows.stream().map(Row::memberId)
                    .filter(Objects::nonNull).distinct().toList());
            List<List<?>> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                MemberLookup.Listed member = r.memberId() == null ? null : listed.get(r.memberId());
                String name = member != null ? Masking.name(member.name()) : r.nameMasked();
                String phone = r.phoneMasked() != null ? r.phoneMasked() : member == null ? null : member.phoneMasked();
                boolean closed = r.status() == RequestStatus.CLOSED;
                String onTime = !closed || r.resolutionDue() == null ? ""
                        : message(r.closedAt().isAfter(r.resolutionDue()) ? "helpdesk.export.late" : "helpdesk.export.on-time");
                out.add(java.util.Arrays.asList(r.requestNo(), time.dateTime(r.receivedAt()),
                        message("helpdesk.type." + r.type().name()),
                        subtypeLabels.getOrDefault(r.subtypeCode(), r.subtypeCode()),
                        message("helpdesk.channel." + r.channel().name()), message("helpdesk.status." + r.status().name()),
                        r.handlingOrg(), blankIfNull(name), blankIfNull(phone),
                        r.type().isSensitive() ? message("helpdesk.export.protected") : r.subject(),
                        message("helpdesk.difficulty." + r.difficulty().name()),
                        closed || r.light() == null ? "" : message("helpdesk.light." + r.light()),
                        r.resolutionDue() == null ? "" : time.dateTime(r.resolutionDue()),
                        r.closedAt() == null || !closed ? "" : time.dateTime(r.closedAt()), onTime,
                        closed && r.workingSeconds() != null ? days(r.workingSeconds()) : null,
                        r.outcome() == null || !closed ? "" : message("helpdesk.outcome." + r.outcome()),
                        r.satisfaction() == null || !closed ? "" : message("helpdesk.satisfaction." + r.satisfaction())));
            }
            return out;
        }
    }

    private static BigDecimal days(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86_400), 1, RoundingMode.HALF_UP);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
