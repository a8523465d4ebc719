package org.gonghui.modelworker.archive;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gonghui.member.IdNumber;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The archive as Excel: an import of records (every row or none, the bad rows listed with their reasons) and an
 * export of the subtree's records with the ID numbers masked (audit-logged). The columns are in docs/modelworker.md.
 */
@Service
public class ArchiveSpreadsheets {

    static final int MAX_ROWS = 20_000;

    private final ModelWorkerArchive archive;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    ArchiveSpreadsheets(ModelWorkerArchive archive, Organisations organisations, PersonalDataCipher cipher, JdbcClient jdbc,
            AuditLog audit, PlatformTime time, MessageSource messages) {
        this.archive = archive;
        this.organisations = organisations;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    /** The localised columns of the import (template and error report) and of the export's first columns. */
    public List<String> header() {
        return List.of(message("modelworker.col.name"), message("modelworker.col.id-number"), message("modelworker.col.org-code"),
                message("modelworker.col.title"), message("modelworker.col.level"), message("modelworker.col.title-year"),
                message("modelworker.col.sector"), message("modelworker.col.employer"),
                message("modelworker.col.allowance-from"));
    }

    /** One example row for the template. */
    public List<String> example() {
        return List.of("张三", "330203199001011236", "NB-HS-T01-E1", "宁波市劳动模范", message("modelworker.level.CITY"), "2018",
                "制造业", "宁波某机械有限公司", "2018-05-01");
    }

    /** Imports records for organisations of the staff user's subtree: every row or none. */
    @Transactional
    public ImportReport importRecords(CurrentUser user, MultipartFile file) {
        TreePath scope = TreePath.scopeOf(user);
        List<Spreadsheets.SheetRow> rows = Spreadsheets.read(file, MAX_ROWS);
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<Map.Entry<NewModelWorker, OrganisationView>> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, OrganisationView> orgs = new HashMap<>();
        for (Spreadsheets.SheetRow row : rows) {
            List<String> problems = new ArrayList<>();
            NewModelWorker form = parse(row, scope, orgs, problems);
            if (form != null) {
                String number = new IdNumber(form.idNumber()).value();
                Integer earlier = seen.putIfAbsent(number, row.number());
                if (earlier != null) {
                    problems.add(message("modelworker.import.twice", earlier));
                } else if (jdbc.sql("select count(*) from model_worker where id_number_hash = :h")
                        .param("h", cipher.hash(number)).query(Long.class).single() > 0) {
                    problems.add(message("modelworker.already-registered"));
                }
            }
            if (problems.isEmpty()) {
                valid.add(Map.entry(form, orgs.get(row.cell(2).strip())));
            } else {
                errors.add(new ImportReport.RowError(row.number(), row.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(rows.size(), errors);
        }
        for (var entry : valid) {
            long id = archive.insert(entry.getKey(), entry.getValue(), ModelWorkerArchive.actor(user));
            archive.event(id, LifeEvent.IMPORTED, entry.getKey().allowanceFrom(),
                    entry.getKey().title() + " · " + entry.getKey().titleYear(), user);
            archive.linkIfMember(id, entry.getKey().idNumber(), user);
        }
        audit.record("modelworker.import", "model_worker", null, valid.size() + " records");
        return ImportReport.success(rows.size());
    }

    private NewModelWorker parse(Spreadsheets.SheetRow row, TreePath scope, Map<String, OrganisationView> orgs,
            List<String> problems) {
        String code = row.cell(2).strip();
        OrganisationView org = orgs.computeIfAbsent(code, c -> organisations.findByCode(c)
                .filter(o -> scope.contains(o.path())).orElse(null));
        if (org == null) {
            orgs.remove(code);
            problems.add(message("modelworker.import.org", code));
        }
        ModelWorkerLevel level = level(row.cell(4));
        if (level == null) {
            problems.add(message("modelworker.import.level", row.cell(4)));
        }
        Integer year = null;
        try {
            year = Integer.valueOf(row.cell(5).strip());
        } catch (NumberFormatException e) {
            problems.add(message("modelworker.title-year.invalid"));
        }
        LocalDate from = null;
        try {
            from = LocalDate.parse(row.cell(8).strip());
        } catch (DateTimeParseException e) {
            problems.add(message("modelworker.allowance-from.invalid"));
        }
        try {
            NewModelWorker form = new NewModelWorker(row.cell(0), row.cell(1), org == null ? 0L : org.id(), row.cell(3),
                    level == null ? ModelWorkerLevel.CITY : level, year == null ? 2000 : year, row.cell(6), row.cell(7),
                    from == null ? LocalDate.of(2000, 1, 1) : from);
            return problems.isEmpty() ? form : null;
        } catch (DomainException e) {
            problems.add(message(e.code(), e.args()));
            return null;
        }
    }

    private ModelWorkerLevel level(String cell) {
        String text = cell == null ? "" : cell.strip();
        for (ModelWorkerLevel level : ModelWorkerLevel.values()) {
            if (level.name().equalsIgnoreCase(text)
                    || messages.getMessage("modelworker.level." + level, null, Locale.SIMPLIFIED_CHINESE).equals(text)
                    || messages.getMessage("modelworker.level." + level, null, Locale.ENGLISH).equalsIgnoreCase(text)) {
                return level;
            }
        }
        return null;
    }

    /** The subtree's records that match as Excel, ID numbers masked; audit-logged with the number of rows. */
    @Transactional
    public void export(CurrentUser user, WorkerFilter filter, OutputStream out) {
        List<ModelWorkerView> workers = archive.all(user, filter);
        Map<Long, OrganisationView> orgs = organisations.findAll(workers.stream().map(ModelWorkerView::orgId).toList());
        List<List<?>> rows = new ArrayList<>();
        for (ModelWorkerView w : workers) {
            OrganisationView org = orgs.get(w.orgId());
            rows.add(List.of(w.name(), w.idNumberMasked(), org == null ? "" : org.code(), w.title(),
                    message("modelworker.level." + w.level()), w.titleYear(), w.sector(), w.employer(),
                    w.allowanceFrom().toString(), message("modelworker.status." + w.status()), text(w.retiredOn()),
                    text(w.deceasedOn()), text(w.revokedOn()), text(w.attestedUntil()),
                    message(w.memberId() == null ? "common.no" : "common.yes")));
        }
        List<String> header = new ArrayList<>(header());
        header.addAll(List.of(message("modelworker.col.status"), message("modelworker.col.retired-on"),
                message("modelworker.col.deceased-on"), message("modelworker.col.revoked-on"),
                message("modelworker.col.attested-until"), message("modelworker.col.member")));
        audit.record("modelworker.export", "model_worker", null, rows.size() + " records");
        Spreadsheets.write(out, "model-workers", header, rows);
    }

    private static String text(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
