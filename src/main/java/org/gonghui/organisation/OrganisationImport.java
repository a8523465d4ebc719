package org.gonghui.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.excel.Spreadsheets.SheetRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk creation of organisations from an Excel sheet with the columns code, name, kind and parent code.
 * A parent may be an existing organisation in the importer's scope or a row above in the same sheet. The
 * import is all or nothing: one bad row and nothing is created, and the report names every bad row.
 */
@Service
public class OrganisationImport {

    public static final List<String> COLUMNS = List.of("code", "name", "kind", "parentCode");
    static final int MAX_ROWS = 20_000;

    private final Organisations organisations;
    private final MessageSource messages;
    private final AuditLog audit;

    OrganisationImport(Organisations organisations, MessageSource messages, AuditLog audit) {
        this.organisations = organisations;
        this.messages = messages;
        this.audit = audit;
    }

    /** The localised header row of the template and of the error report. */
    public List<String> header() {
        return COLUMNS.stream().map(c -> message("organisation.import.column." + c)).toList();
    }

    @Transactional
    public ImportReport importSheet(TreePath scope, MultipartFile file) {
        List<SheetRow> rows = Spreadsheets.read(file, MAX_ROWS);
        if (rows.isEmpty()) {
            throw DomainException.invalid("upload.no-rows");
        }
        Map<String, OrganisationKind> kindsInFile = new HashMap<>();
        Set<String> codesInFile = new HashSet<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (SheetRow row : rows) {
            List<String> problems = check(scope, row, kindsInFile, codesInFile);
            if (!problems.isEmpty()) {
                errors.add(new ImportReport.RowError(row.number(), row.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(rows.size(), errors);
        }
        for (SheetRow row : rows) {
            OrganisationView parent = organisations.findByCode(row.cell(3)).orElseThrow();
            organisations.create(scope, parent.id(), parseKind(row.cell(2)).orElseThrow(), row.cell(1), row.cell(0));
        }
        audit.record("organisation.import", "organisation", null, rows.size() + " rows");
        return ImportReport.success(rows.size());
    }

    private List<String> check(TreePath scope, SheetRow row, Map<String, OrganisationKind> kindsInFile,
            Set<String> codesInFile) {
        List<String> problems = new ArrayList<>();
        String code = row.cell(0);
        String name = row.cell(1);
        Optional<OrganisationKind> kind = parseKind(row.cell(2));
        String parentCode = row.cell(3);
        if (!code.matches("[A-Za-z0-9_-]{1,40}")) {
            problems.add(message("organisation.code.invalid"));
        } else if (!codesInFile.add(code)) {
            problems.add(message("organisation.import.duplicate-code", code));
        } else if (organisations.findByCode(code).isPresent()) {
            problems.add(message("organisation.code.taken"));
        }
        if (name.isBlank()) {
            problems.add(message("organisation.name.required"));
        } else if (name.length() > Organisation.MAX_NAME) {
            problems.add(message("organisation.name.too-long", Organisation.MAX_NAME));
        }
        if (kind.isEmpty()) {
            problems.add(message("organisation.import.unknown-kind", row.cell(2)));
        }
        OrganisationKind parentKind = kindsInFile.get(parentCode);
        if (parentKind == null) {
            Optional<OrganisationView> parent = organisations.findByCode(parentCode)
                    .filter(p -> scope.contains(p.path()));
            if (parent.isEmpty()) {
                problems.add(message("organisation.import.unknown-parent", parentCode));
            } else if (!parent.get().isActive()) {
                problems.add(message("organisation.closed", parent.get().name()));
            } else {
                parentKind = parent.get().kind();
            }
        }
        if (parentKind != null && kind.isPresent() && !parentKind.mayContain(kind.get())) {
            problems.add(message("organisation.kind.not-allowed", kindLabel(kind.get()), kindLabel(parentKind)));
        }
        if (problems.isEmpty()) {
            kindsInFile.put(code, kind.get());
        }
        return problems;
    }

    /** Accepts the kind's name in either language or its enum name (e.g. 乡镇街道, Township, TOWNSHIP). */
    Optional<OrganisationKind> parseKind(String text) {
        String wanted = text == null ? "" : text.trim();
        for (OrganisationKind kind : OrganisationKind.values()) {
            if (kind.name().equalsIgnoreCase(wanted)
                    || messages.getMessage("organisation.kind." + kind.name(), null, Locale.SIMPLIFIED_CHINESE).equals(wanted)
                    || messages.getMessage("organisation.kind." + kind.name(), null, Locale.ENGLISH).equalsIgnoreCase(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private String kindLabel(OrganisationKind kind) {
        return message("organisation.kind." + kind.name());
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
