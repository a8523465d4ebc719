package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff enter the minimum living standard (低保) of the districts in their subtree — one by one or as a sheet
 * (district code, year, yuan per person and month; every row or none) — and the means test reads it as data.
 */
@Service
public class LivingStandards {

    static final int MAX_ROWS = 2_000;

    private final MeansTestData data;
    private final Organisations organisations;
    private final AuditLog audit;
    private final MessageSource messages;

    LivingStandards(MeansTestData data, Organisations organisations, AuditLog audit, MessageSource messages) {
        this.data = data;
        this.organisations = organisations;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<MeansTestData.StandardRow> list(CurrentUser staff) {
        return data.standards(TreePath.scopeOf(staff));
    }

    /** The districts (level 2) a staff user may set standards for: those in their subtree. */
    @Transactional(readOnly = true)
    public List<OrganisationView> districts(CurrentUser staff) {
        TreePath scope = TreePath.scopeOf(staff);
        if (scope.depth() == 2) {
            return List.of(organisations.find(scope.last()).orElseThrow());
        }
        if (scope.depth() > 2) {
            return List.of();
        }
        return organisations.children(scope.last());
    }

    @Transactional
    public void set(CurrentUser staff, long districtId, Integer year, BigDecimal monthly) {
        district(staff, districtId);
        MeansTestData.checkStandard(year, monthly);
        data.setStandard(districtId, year, monthly, staff.getUsername());
        audit.record("hardship.standard", "organisation", districtId, year + ": " + monthly.toPlainString());
    }

    private OrganisationView district(CurrentUser staff, long districtId) {
        TreePath scope = TreePath.scopeOf(staff);
        return organisations.find(districtId).filter(o -> o.depth() == 2 && scope.contains(o.path()))
                .orElseThrow(() -> DomainException.invalid("hardship.standard.district"));
    }

    public List<String> header() {
        return List.of(message("hardship.standard.col.district"), message("hardship.standard.col.year"),
                message("hardship.standard.col.monthly"));
    }

    /** Imports a sheet of standards: every row or none; 422-style report of the bad rows. */
    @Transactional
    public ImportReport importSheet(CurrentUser staff, MultipartFile file) {
        TreePath scope = TreePath.scopeOf(staff);
        List<Spreadsheets.SheetRow> rows = Spreadsheets.read(file, MAX_ROWS);
        List<ImportReport.RowError> errors = new ArrayList<>();
        record Line(long district, int year, BigDecimal monthly) {
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Spreadsheets.SheetRow row : rows) {
            List<String> problems = new ArrayList<>();
            OrganisationView district = organisations.findByCode(row.cell(0).strip())
                    .filter(o -> o.depth() == 2 && scope.contains(o.path())).orElse(null);
            if (district == null) {
                problems.add(message("hardship.standard.unknown-district", row.cell(0)));
            }
            Integer year = row.cell(1).strip().matches("[0-9]{4}") ? Integer.valueOf(row.cell(1).strip()) : null;
            BigDecimal monthly = row.cell(2).strip().matches("[0-9]{1,6}(\\.[0-9]{1,2})?")
                    ? new BigDecimal(row.cell(2).strip()) : null;
            try {
                MeansTestData.checkStandard(year, monthly);
            } catch (DomainException e) {
                problems.add(message(e.code()));
            }
            if (district != null && year != null && seen.putIfAbsent(district.id() + ":" + year, row.number()) != null) {
                problems.add(message("hardship.standard.twice", seen.get(district.id() + ":" + year)));
            }
            if (problems.isEmpty()) {
                lines.add(new Line(district.id(), year, monthly));
            } else {
                errors.add(new ImportReport.RowError(row.number(), row.cells(), problems));
            }
        }
        if (rows.isEmpty()) {
            throw DomainException.invalid("upload.empty");
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(rows.size(), errors);
        }
        lines.forEach(l -> data.setStandard(l.district(), l.year(), l.monthly(), staff.getUsername()));
        audit.record("hardship.standard-import", "hardship_standard", null, lines.size() + " standards");
        return ImportReport.success(rows.size());
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
