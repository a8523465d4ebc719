package org.gonghui.member;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.excel.Spreadsheets.SheetRow;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Members in and out of Excel. Import is all or nothing: every row is checked first (ID number, phone,
 * organisation in scope, duplicates in the sheet and in the registry) and only a clean sheet is imported,
 * in one transaction. Export streams the scoped search result with personal values masked.
 */
@Service
public class MemberSpreadsheets {

    public static final List<String> IMPORT_COLUMNS = List.of("name", "idNumber", "phone", "orgCode", "type", "joinedOn",
            "cardNumber");
    static final List<String> EXPORT_COLUMNS = List.of("name", "gender", "birthDate", "idNumber", "phone", "org",
            "type", "status", "joinedOn", "cardNumber");
    static final int MAX_ROWS = 50_000;

    private final Members members;
    private final MemberRepository repository;
    private final MemberSearch search;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final MessageSource messages;
    private final AuditLog audit;
    private final PlatformTime time;

    MemberSpreadsheets(Members members, MemberRepository repository, MemberSearch search, Organisations organisations,
            PersonalDataCipher cipher, MessageSource messages, AuditLog audit, PlatformTime time) {
        this.time = time;
        this.members = members;
        this.repository = repository;
        this.search = search;
        this.organisations = organisations;
        this.cipher = cipher;
        this.messages = messages;
        this.audit = audit;
    }

    public List<String> importHeader() {
        return IMPORT_COLUMNS.stream().map(c -> message("member.column." + c)).toList();
    }

    @Transactional
    public ImportReport importSheet(TreePath scope, MultipartFile file) {
        List<SheetRow> rows = Spreadsheets.read(file, MAX_ROWS);
        if (rows.isEmpty()) {
            throw DomainException.invalid("upload.no-rows");
        }
        Set<String> idsInFile = new HashSet<>();
        Set<String> phonesInFile = new HashSet<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<Checked> clean = new ArrayList<>();
        for (SheetRow row : rows) {
            List<String> problems = new ArrayList<>();
            Checked checked = check(scope, row, idsInFile, phonesInFile, problems);
            if (problems.isEmpty()) {
                clean.add(checked);
            } else {
                errors.add(new ImportReport.RowError(row.number(), row.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(rows.size(), errors);
        }
        members.registerAll(clean.stream().map(Checked::form).toList(), "import");
        return ImportReport.success(rows.size());
    }

    private record Checked(OrganisationView org, NewMember form) {
    }

    private Checked check(TreePath scope, SheetRow row, Set<String> idsInFile, Set<String> phonesInFile,
            List<String> problems) {
        String name = row.cell(0);
        if (name.isBlank()) {
            problems.add(message("member.name.required"));
        } else if (name.length() > Member.MAX_NAME) {
            problems.add(message("member.name.too-long", Member.MAX_NAME));
        }
        String idText = row.cell(1).toUpperCase(Locale.ROOT);
        try {
            IdNumber id = new IdNumber(idText);
            if (!idsInFile.add(id.value())) {
                problems.add(message("member.import.duplicate-id-number"));
            } else if (repository.findByIdNumberHash(cipher.hash(id.value())).isPresent()) {
                problems.add(message("member.id-number.taken"));
            }
        } catch (DomainException e) {
            problems.add(message(e.code()));
        }
        String phone = row.cell(2);
        if (!phone.isBlank()) {
            try {
                PhoneNumber number = new PhoneNumber(phone);
                if (!phonesInFile.add(number.value())) {
                    problems.add(message("member.import.duplicate-phone"));
                } else if (repository.findByPhoneHash(cipher.hash(number.value())).isPresent()) {
                    problems.add(message("member.phone.taken"));
                }
            } catch (DomainException e) {
                problems.add(message(e.code()));
            }
        }
        Optional<OrganisationView> org = organisations.findByCode(row.cell(3)).filter(o -> scope.contains(o.path()));
        if (org.isEmpty()) {
            problems.add(message("member.import.unknown-organisation", row.cell(3)));
        } else if (!org.get().isActive()) {
            problems.add(message("organisation.closed", org.get().name()));
        }
        Optional<MemberType> type = parseType(row.cell(4));
        if (type.isEmpty()) {
            problems.add(message("member.import.unknown-type", row.cell(4)));
        }
        LocalDate joinedOn = null;
        if (!row.cell(5).isBlank()) {
            joinedOn = parseDate(row.cell(5));
            if (joinedOn == null || joinedOn.isAfter(time.today())) {
                problems.add(message("member.joined-on.invalid"));
            }
        }
        String card = row.cell(6);
        if (!card.isBlank()) {
            try {
                Member.checkedCard(card); // a number already on another card is refused by the card module
            } catch (DomainException e) {
                problems.add(message(e.code()));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(org.get(), new NewMember(name, idText, phone, org.get().id(), type.get(), joinedOn,
                card.isBlank() ? null : card));
    }

    Optional<MemberType> parseType(String text) {
        String wanted = text == null ? "" : text.trim();
        for (MemberType type : MemberType.values()) {
            if (type.name().equalsIgnoreCase(wanted)
                    || messages.getMessage("member.type." + type.name(), null, Locale.SIMPLIFIED_CHINESE).equals(wanted)
                    || messages.getMessage("member.type." + type.name(), null, Locale.ENGLISH).equalsIgnoreCase(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static LocalDate parseDate(String text) {
        for (String pattern : List.of("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-M-d")) {
            try {
                return LocalDate.parse(text.trim(), DateTimeFormatter.ofPattern(pattern));
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }

    /** Writes the scoped search result as an Excel file, masked; the export is audit-logged. */
    @Transactional
    public void export(TreePath scope, MemberQuery query, OutputStream out) {
        TreePath narrowed = members.narrow(scope, query.orgId());
        List<String> header = EXPORT_COLUMNS.stream().map(c -> message("member.column." + c)).toList();
        int[] count = {0};
        try (Stream<MemberView> rows = search.stream(narrowed, query)) {
            Iterator<MemberView> iterator = rows.iterator();
            Iterable<List<?>> lines = () -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                @Override
                public List<?> next() {
                    MemberView m = iterator.next();
                    count[0]++;
                    return List.of(m.name(), message("member.gender." + m.gender().name()), m.birthDate(),
                            m.idNumberMasked(), nullToEmpty(m.phoneMasked()), m.orgName(),
                            message("member.type." + m.type().name()), message("member.status." + m.status().name()),
                            m.joinedOn(), nullToEmpty(m.cardNumberMasked()));
                }
            };
            Spreadsheets.write(out, message("member.sheet"), header, lines);
        }
        audit.record("member.export", "member", null, count[0] + " rows, scope " + narrowed);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
