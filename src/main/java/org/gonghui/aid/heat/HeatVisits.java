package org.gonghui.aid.heat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.aid.grant.AidFile;
import org.gonghui.aid.grant.Amounts;
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
 * Summer heat visits (高温慰问) to listed groups such as sanitation workers, delivery riders or building-site crews:
 * each organisation keeps its list of visits of the summer (the group, where, how many people, what was handed out
 * and its value), recorded singly or imported from Excel (every line or none), signed off by a second person, and
 * exported.
 */
@Service
public class HeatVisits {

    static final int MAX_LINES = 2_000;

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    HeatVisits(JdbcClient jdbc, Organisations organisations, AuditLog audit, PlatformTime time, MessageSource messages) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    /** What one visit is. */
    public record Visit(LocalDate date, String groupName, String site, Integer headcount, String items, BigDecimal value) {
    }

    /** Staff record a visit of their own organisation. */
    @Transactional
    public HeatVisitView record(CurrentUser user, Visit visit) {
        OrganisationView org = organisations.requireInScope(user.orgId(), TreePath.scopeOf(user));
        List<String> problems = problems(visit);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("aid.heat.refused", String.join("；", problems));
        }
        long id = insert(user, org, visit);
        audit.record("aid.heat.record", "aid_heat_visit", id, visit.groupName());
        return find(user, id);
    }

    /** A file of visits (date, group, site, headcount, items, value): every line or none. */
    @Transactional
    public ImportReport importVisits(CurrentUser user, MultipartFile file) {
        OrganisationView org = organisations.requireInScope(user.orgId(), TreePath.scopeOf(user));
        List<Spreadsheets.SheetRow> rows = AidFile.read(file, MAX_LINES);
        List<Visit> visits = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (Spreadsheets.SheetRow row : rows) {
            List<String> problems = new ArrayList<>();
            Visit visit = parse(row, problems);
            if (visit != null) {
                problems.addAll(problems(visit));
            }
            if (problems.isEmpty()) {
                visits.add(visit);
            } else {
                errors.add(new ImportReport.RowError(row.number(), row.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(rows.size(), errors);
        }
        visits.forEach(visit -> insert(user, org, visit));
        audit.record("aid.heat.import", "aid_heat_visit", null, visits.size() + " visits");
        return ImportReport.success(rows.size());
    }

    /** A second person (not the one who recorded it) signs a visit off; signed-off visits are final. */
    @Transactional
    public HeatVisitView signOff(CurrentUser user, long id) {
        HeatVisitView visit = find(user, id);
        if (visit.signedOff()) {
            throw DomainException.conflict("aid.heat.signed-off");
        }
        if (visit.recordedBy().equals(user.getUsername())) {
            throw DomainException.forbidden("aid.heat.second-person");
        }
        int changed = jdbc.sql("""
                update aid_heat_visit set signed_off_by = :by, signed_off_at = :at
                where id = :id and signed_off_by is null""")
                .param("by", user.getUsername()).param("at", Timestamp.from(time.now())).param("id", id).update();
        if (changed == 0) {
            throw DomainException.conflict("aid.heat.signed-off");
        }
        audit.record("aid.heat.sign-off", "aid_heat_visit", id, null);
        return find(user, id);
    }

    @Transactional(readOnly = true)
    public List<HeatVisitView> list(CurrentUser user, int year) {
        return jdbc.sql(SELECT + " where h.org_path like :scope and h.visit_year = :y order by h.visit_date desc, h.id desc")
                .param("scope", TreePath.scopeOf(user).likePattern()).param("y", year).query(HeatVisits::view).list();
    }

    @Transactional(readOnly = true)
    public HeatVisitView find(CurrentUser user, long id) {
        TreePath scope = TreePath.scopeOf(user);
        return jdbc.sql(SELECT + " where h.id = :id").param("id", id).query(HeatVisits::view).optional()
                .filter(v -> scope.contains(v.orgPath()))
                .orElseThrow(() -> DomainException.notFound("aid.heat.not-found"));
    }

    @Transactional
    public void export(CurrentUser user, int year, OutputStream out) {
        List<List<?>> rows = new ArrayList<>();
        for (HeatVisitView v : list(user, year)) {
            rows.add(List.of(v.visitDate().toString(), v.orgName(), v.groupName(), v.site(), v.headcount(), v.items(),
                    v.value().toPlainString(), v.recordedBy(), v.signedOffBy() == null ? "" : v.signedOffBy()));
        }
        audit.record("aid.heat.export", "aid_heat_visit", null, year + ": " + rows.size());
        List<String> header = new ArrayList<>(List.of(message("aid.heat.col.date"), message("aid.col.organisation")));
        header.addAll(columns().subList(1, 6));
        header.addAll(List.of(message("aid.heat.col.recorded-by"), message("aid.heat.col.signed-off-by")));
        Spreadsheets.write(out, "heat", header, rows);
    }

    /** The import file's columns (template and error report). */
    public List<String> columns() {
        return List.of(message("aid.heat.col.date"), message("aid.heat.col.group"), message("aid.heat.col.site"),
                message("aid.heat.col.headcount"), message("aid.heat.col.items"), message("aid.heat.col.value"));
    }

    private Visit parse(Spreadsheets.SheetRow row, List<String> problems) {
        LocalDate date = null;
        Integer headcount = null;
        BigDecimal value = null;
        try {
            date = LocalDate.parse(row.cell(0).strip());
        } catch (DateTimeParseException e) {
            problems.add(message("aid.heat.date-invalid"));
        }
        try {
            headcount = Integer.valueOf(row.cell(3).strip());
        } catch (NumberFormatException e) {
            problems.add(message("aid.heat.headcount-invalid"));
        }
        try {
            value = new BigDecimal(row.cell(5).strip());
        } catch (NumberFormatException e) {
            problems.add(message("aid.heat.value-invalid"));
        }
        return problems.isEmpty() ? new Visit(date, row.cell(1), row.cell(2), headcount, row.cell(4), value) : null;
    }

    private List<String> problems(Visit visit) {
        List<String> problems = new ArrayList<>();
        LocalDate today = time.today();
        if (visit.date() == null || visit.date().isAfter(today) || visit.date().isBefore(today.minusYears(2))) {
            problems.add(message("aid.heat.date-invalid"));
        }
        checkText(visit.groupName(), 100, "aid.heat.group-required", problems);
        checkText(visit.site(), 200, "aid.heat.site-required", problems);
        checkText(visit.items(), 500, "aid.heat.items-required", problems);
        if (visit.headcount() == null || visit.headcount() < 1 || visit.headcount() > 100_000) {
            problems.add(message("aid.heat.headcount-invalid"));
        }
        if (visit.value() == null || visit.value().signum() < 0 || visit.value().stripTrailingZeros().scale() > 2
                || visit.value().compareTo(new BigDecimal("10000000")) > 0) {
            problems.add(message("aid.heat.value-invalid"));
        }
        return problems;
    }

    private void checkText(String value, int max, String required, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(message(required));
        } else if (value.strip().length() > max) {
            problems.add(message("aid.text.too-long", max));
        }
    }

    private long insert(CurrentUser user, OrganisationView org, Visit visit) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        long fen = visit.value().signum() == 0 ? 0 : Amounts.fen(visit.value());
        jdbc.sql("""
                insert into aid_heat_visit (org_id, org_path, visit_year, visit_date, group_name, site, headcount, items,
                  value_fen, recorded_by, recorded_at)
                values (:org, :path, :y, :d, :group, :site, :n, :items, :fen, :by, :at)""")
                .param("org", org.id()).param("path", org.path()).param("y", visit.date().getYear())
                .param("d", Date.valueOf(visit.date())).param("group", visit.groupName().strip())
                .param("site", visit.site().strip()).param("n", visit.headcount()).param("items", visit.items().strip())
                .param("fen", fen).param("by", user.getUsername()).param("at", Timestamp.from(time.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private static final String SELECT = """
            select h.*, o.name as org_name from aid_heat_visit h join organisation o on o.id = h.org_id""";

    private static HeatVisitView view(ResultSet rs, int n) throws SQLException {
        Timestamp signed = rs.getTimestamp("signed_off_at");
        return new HeatVisitView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("org_path"), rs.getInt("visit_year"), rs.getDate("visit_date").toLocalDate(),
                rs.getString("group_name"), rs.getString("site"), rs.getInt("headcount"), rs.getString("items"),
                Amounts.yuan(rs.getLong("value_fen")), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("signed_off_by"),
                signed == null ? null : signed.toInstant());
    }
}
