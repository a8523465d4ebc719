package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.hardship.HardshipStanding;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberStatus;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff lists (名单) of living aid, medical aid or festival visits (送温暖, money or goods): drawn up by an organisation
 * (members of its subtree found by ID number and name, in the archive with an eligible tier), submitted once checked,
 * approved above. Approval reads every line's standing in the archive again at once and drops those who have left it,
 * with the reason; the rest are approved as single grants are (second approver above the amount, budget committed,
 * payment entitled) — all in one transaction, so a budget that does not cover the list refuses it whole.
 */
@Service
public class AidLists {

    static final int MAX_LINES = 5_000;

    private final JdbcClient jdbc;
    private final Grants grants;
    private final GrantReview review;
    private final GrantRecords records;
    private final HardshipArchives archives;
    private final MemberLookup lookup;
    private final Organisations organisations;
    private final AidSettings settings;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    AidLists(JdbcClient jdbc, Grants grants, GrantReview review, GrantRecords records, HardshipArchives archives,
            MemberLookup lookup, Organisations organisations, AidSettings settings, AuditLog audit, PlatformTime time,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.review = review;
        this.records = records;
        this.archives = archives;
        this.lookup = lookup;
        this.organisations = organisations;
        this.settings = settings;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    @Transactional
    public ListView create(CurrentUser user, AidKind kind, int year, String title) {
        TreePath scope = TreePath.scopeOf(user);
        if (kind == null || kind == AidKind.SCHOOL) {
            throw DomainException.invalid("aid.list.kind");
        }
        Budgets.requireYear(year);
        String name = Grants.text(title, 100, "aid.list.title-required");
        OrganisationView org = organisations.requireInScope(user.orgId(), scope);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into aid_list (org_id, org_path, kind, list_year, title, status, created_by, created_at)
                values (:org, :path, :kind, :y, :title, 'DRAFT', :by, :at)""")
                .param("org", org.id()).param("path", org.path()).param("kind", kind.name()).param("y", year)
                .param("title", name).param("by", user.getUsername()).param("at", Timestamp.from(time.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("aid.list.create", "aid_list", id, kind + " " + year + " " + name);
        return find(user, id);
    }

    /** One line: a member found by ID number and name, the amount, and for goods what is handed over. */
    public record Line(String idNumber, String name, BigDecimal amount, String goods) {
    }

    /** Adds one member to a draft list. */
    @Transactional
    public GrantView add(CurrentUser user, long listId, Line line) {
        ListView list = draft(user, listId);
        List<String> problems = new ArrayList<>();
        Candidates candidates = candidates(List.of(line));
        Long memberId = check(line, list, candidates, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("aid.list.line-refused", String.join("；", problems));
        }
        return records.find(insert(user, list, line, memberId, candidates)).orElseThrow();
    }

    /** Adds the lines of a file (ID number, name, amount, goods; CSV or Excel) to a draft list: every line or none. */
    @Transactional
    public ImportReport importLines(CurrentUser user, long listId, MultipartFile file) {
        ListView list = draft(user, listId);
        List<Spreadsheets.SheetRow> rows = AidFile.read(file, MAX_LINES);
        List<Line> lines = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (Spreadsheets.SheetRow row : rows) {
            BigDecimal amount = null;
            try {
                amount = row.cell(2).isBlank() ? null : new BigDecimal(row.cell(2).strip());
            } catch (NumberFormatException e) {
                errors.add(new ImportReport.RowError(row.number(), row.cells(), List.of(message("aid.list.amount-invalid"))));
            }
            rowOf.put(lines.size(), row.number());
            lines.add(new Line(row.cell(0), row.cell(1), amount, row.cell(3)));
        }
        Candidates candidates = candidates(lines);
        Map<Long, Integer> seen = new HashMap<>();
        List<Long> memberIds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> problems = new ArrayList<>();
            Long memberId = check(lines.get(i), list, candidates, problems);
            if (memberId != null) {
                Integer earlier = seen.putIfAbsent(memberId, rowOf.get(i));
                if (earlier != null) {
                    problems.add(message("aid.list.twice", earlier));
                }
            }
            memberIds.add(memberId);
            int number = rowOf.get(i);
            if (!problems.isEmpty() && errors.stream().noneMatch(e -> e.row() == number)) {
                errors.add(new ImportReport.RowError(number, rows.get(i).cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(ImportReport.RowError::row));
            return ImportReport.failure(rows.size(), errors);
        }
        for (int i = 0; i < lines.size(); i++) {
            insert(user, list, lines.get(i), memberIds.get(i), candidates);
        }
        audit.record("aid.list.import", "aid_list", listId, lines.size() + " lines");
        return ImportReport.success(rows.size());
    }

    /** The list's organisation submits it: every line is checked (the township's step). */
    @Transactional
    public ListView submit(CurrentUser user, long listId) {
        ListView list = draft(user, listId);
        if (list.lines() == 0) {
            throw DomainException.invalid("aid.list.empty");
        }
        Timestamp now = Timestamp.from(time.now());
        jdbc.sql("update aid_list set status = 'SUBMITTED', submitted_by = :by, submitted_at = :at where id = :id and status = 'DRAFT'")
                .param("by", user.getUsername()).param("at", now).param("id", listId).update();
        for (GrantView grant : records.ofList(listId)) {
            if (grant.status() == GrantStatus.APPLIED) {
                review.check(user, grant.id(), grant.version(), null, null);
            }
        }
        audit.record("aid.list.submit", "aid_list", listId, null);
        return find(user, listId);
    }

    /** Approves a submitted list above its organisation; see the class comment. */
    @Transactional
    public ListApproval approve(CurrentUser user, long listId) {
        ListView list = find(user, listId);
        if (list.status() != ListStatus.SUBMITTED) {
            throw DomainException.conflict("aid.list.status", list.status().name());
        }
        if (list.orgPath().equals(user.orgPath())) {
            throw DomainException.forbidden("aid.list.approve-above");
        }
        List<GrantView> lines = records.ofList(listId).stream().filter(g -> g.status() == GrantStatus.CHECKED).toList();
        Map<Long, HardshipStanding> standings = archives.current(lines.stream().map(GrantView::memberId).toList());
        int approved = 0;
        int second = 0;
        List<GrantView> dropped = new ArrayList<>();
        for (GrantView line : lines) {
            GrantView after = review.approve(user, line, Optional.ofNullable(standings.get(line.memberId())));
            switch (after.status()) {
                case APPROVED -> approved++;
                case AWAITING_SECOND_APPROVAL -> second++;
                default -> dropped.add(after);
            }
        }
        jdbc.sql("update aid_list set status = 'APPROVED', approved_by = :by, approved_at = :at where id = :id")
                .param("by", user.getUsername()).param("at", Timestamp.from(time.now())).param("id", listId).update();
        audit.record("aid.list.approve", "aid_list", listId, approved + " approved, " + second + " second, "
                + dropped.size() + " dropped");
        return new ListApproval(find(user, listId), approved, second, dropped);
    }

    @Transactional(readOnly = true)
    public ListView find(CurrentUser user, long listId) {
        TreePath scope = TreePath.scopeOf(user);
        return jdbc.sql(SELECT + " where l.id = :id group by " + GROUP).param("id", listId).query(AidLists::view)
                .optional().filter(l -> scope.contains(l.orgPath()))
                .orElseThrow(() -> DomainException.notFound("aid.list.not-found"));
    }

    @Transactional(readOnly = true)
    public List<ListView> list(CurrentUser user, int year) {
        return jdbc.sql(SELECT + " where l.org_path like :scope and l.list_year = :y group by " + GROUP + " order by l.id desc")
                .param("scope", TreePath.scopeOf(user).likePattern()).param("y", year).query(AidLists::view).list();
    }

    @Transactional(readOnly = true)
    public List<GrantView> lines(CurrentUser user, long listId) {
        find(user, listId);
        return records.ofList(listId);
    }

    /** The list as Excel (names, masked nothing else: no personal numbers), for the file and the sign-off sheet. */
    @Transactional
    public void export(CurrentUser user, long listId, java.io.OutputStream out) {
        ListView list = find(user, listId);
        List<List<?>> rows = new ArrayList<>();
        for (GrantView g : records.ofList(listId)) {
            rows.add(List.of(g.memberName(), g.tier() == null ? "" : message("aid.tier." + g.tier()),
                    g.amount().toPlainString(), g.goods() == null ? "" : g.goods(), message("aid.status." + g.status()),
                    g.statusReason() == null ? "" : reason(g.statusReason())));
        }
        audit.record("aid.list.export", "aid_list", listId, rows.size() + " lines");
        Spreadsheets.write(out, "list", List.of(message("aid.col.name"), message("aid.col.tier"), message("aid.col.amount"),
                message("aid.col.goods"), message("aid.col.status"), message("aid.col.reason")), rows);
    }

    /** The columns of an import file (template and error report). */
    public List<String> lineHeader() {
        return List.of(message("aid.col.id-number"), message("aid.col.name"), message("aid.col.amount"),
                message("aid.col.goods"));
    }

    /** The localised text of a stored drop reason ({@code code} or {@code code:TIER}). */
    public String reason(String stored) {
        int colon = stored.indexOf(':');
        if (stored.startsWith("aid.drop.")) {
            String tier = colon < 0 ? "" : message("aid.tier." + stored.substring(colon + 1));
            return message(colon < 0 ? stored : stored.substring(0, colon), tier);
        }
        return stored;
    }

    private record Candidates(Map<String, MemberLookup.Found> found, Map<Long, MemberLookup.Listed> listed,
            Map<Long, HardshipStanding> standings) {
    }

    private Candidates candidates(List<Line> lines) {
        Map<String, MemberLookup.Found> found = lookup.byIdNumbers(lines.stream().map(Line::idNumber).toList());
        List<Long> ids = found.values().stream().map(MemberLookup.Found::memberId).toList();
        return new Candidates(found, lookup.byIds(ids), archives.current(ids));
    }

    private Long check(Line line, ListView list, Candidates candidates, List<String> problems) {
        String id = line.idNumber() == null ? "" : line.idNumber().strip();
        if (!IdNumber.isValid(id)) {
            problems.add(message("aid.list.id-invalid"));
            return null;
        }
        MemberLookup.Found member = candidates.found().get(new IdNumber(id).value());
        MemberLookup.Listed shown = member == null ? null : candidates.listed().get(member.memberId());
        if (shown == null || !new TreePath(list.orgPath()).contains(shown.orgPath())) {
            problems.add(message("aid.list.member-unknown"));
            return null;
        }
        if (member.status() != MemberStatus.ACTIVE) {
            problems.add(message("aid.list.member-not-active"));
        }
        String typed = line.name() == null ? "" : line.name().replaceAll("[\\s\u3000]", "");
        if (!shown.name().replaceAll("[\\s\u3000]", "").equals(typed)) {
            problems.add(message("aid.list.name-mismatch", line.name() == null ? "" : line.name()));
        }
        HardshipStanding standing = candidates.standings().get(member.memberId());
        if (standing == null) {
            problems.add(message("aid.eligibility.not-in-archive"));
        } else if (!settings.eligible(list.kind(), standing.tier().name())) {
            problems.add(message("aid.eligibility.tier", message("aid.tier." + standing.tier().name())));
        }
        if (line.amount() == null || line.amount().signum() <= 0 || line.amount().stripTrailingZeros().scale() > 2) {
            problems.add(message("aid.list.amount-invalid"));
        } else if (line.amount().compareTo(settings.maxGrant()) > 0) {
            problems.add(message("aid.amount.above-max", settings.maxGrant()));
        }
        if (line.goods() != null && line.goods().strip().length() > 200) {
            problems.add(message("aid.text.too-long", 200));
        }
        if (line.goods() != null && !line.goods().isBlank() && list.kind() != AidKind.FESTIVAL) {
            problems.add(message("aid.list.goods-festival-only"));
        }
        long already = jdbc.sql("select count(*) from aid_grant where list_id = :l and member_id = :m")
                .param("l", list.id()).param("m", member.memberId()).query(Long.class).single();
        if (already > 0) {
            problems.add(message("aid.list.already-on"));
        }
        return member.memberId();
    }

    private long insert(CurrentUser user, ListView list, Line line, long memberId, Candidates candidates) {
        boolean goods = line.goods() != null && !line.goods().isBlank();
        long id = grants.insert(new Grants.NewGrant(list.kind(), list.year(), memberId,
                candidates.listed().get(memberId).orgPath(), list.id(), goods ? GrantForm.GOODS : GrantForm.MONEY,
                Amounts.fen(line.amount()), goods ? line.goods().strip() : null, list.title(),
                candidates.standings().get(memberId).tier().name(), user.getUsername()));
        records.event(id, user.getUsername(), "listed", list.title());
        return id;
    }

    private ListView draft(CurrentUser user, long listId) {
        ListView list = find(user, listId);
        if (list.status() != ListStatus.DRAFT) {
            throw DomainException.conflict("aid.list.status", list.status().name());
        }
        return list;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private static final String SELECT = """
            select l.id, l.org_id, o.name as org_name, l.org_path, l.kind, l.list_year, l.title, l.status, l.created_by,
              l.created_at, l.submitted_by, l.approved_by, l.approved_at, count(g.id) as lines,
              coalesce(sum(g.amount_fen), 0) as total_fen
            from aid_list l join organisation o on o.id = l.org_id left join aid_grant g on g.list_id = l.id""";
    private static final String GROUP = """
            l.id, l.org_id, o.name, l.org_path, l.kind, l.list_year, l.title, l.status, l.created_by, l.created_at,
              l.submitted_by, l.approved_by, l.approved_at""";

    private static ListView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ListView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                AidKind.valueOf(rs.getString("kind")), rs.getInt("list_year"), rs.getString("title"),
                ListStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("submitted_by"), rs.getString("approved_by"),
                GrantRecords.instant(rs, "approved_at"), rs.getInt("lines"), Amounts.yuan(rs.getLong("total_fen")));
    }
}
