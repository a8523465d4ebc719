package org.gonghui.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.Members;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports the partner bank's issuance file (format in docs/card.md): one line per card issued — ID number, name,
 * card number, version, issue date, bank branch. Every line is checked against the file and the database in a few
 * batched look-ups (members by ID number, numbers already known, members holding a live card); a single bad line
 * imports nothing and the report names each bad line with its reasons. A good file becomes ISSUED cards written in
 * batches, one history line each, and the registry's masked copies, all in one transaction. The unique constraints
 * on the number and on the member's live card still hold if a card is written elsewhere at the same time: the
 * import is then refused as a whole.
 */
@Service
public class CardIssuance {

    /** The most lines a file may hold (the bank sends at most a day's issue). */
    public static final int MAX_LINES = 100_000;

    private final IssuanceStore store;
    private final MemberLookup lookup;
    private final Members members;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    CardIssuance(IssuanceStore store, MemberLookup lookup, Members members, AuditLog audit, PlatformTime time,
            MessageSource messages) {
        this.store = store;
        this.lookup = lookup;
        this.members = members;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    /** A checked line: the card to issue. */
    record Issue(long memberId, CardNumber number, CardVersion version, LocalDate issuedOn, String branch) {
    }

    /** Imports an issuance file for members of the staff user's subtree: every line or none. */
    @Transactional
    public ImportReport importFile(CurrentUser user, MultipartFile file) {
        TreePath scope = TreePath.scopeOf(user);
        List<PartnerFile.Line> lines = PartnerFile.read(file, MAX_LINES);
        List<String> idNumbers = lines.stream().map(line -> line.cell(0)).toList();
        Map<String, MemberLookup.Found> found = lookup.byIdNumbers(idNumbers);
        Map<Long, MemberLookup.Listed> listed = lookup.byIds(found.values().stream().map(MemberLookup.Found::memberId).toList());
        Set<String> knownNumbers = store.knownNumbers(lines.stream().map(line -> line.cell(2))
                .filter(CardNumber::isValid).map(text -> new CardNumber(text).value()).toList());
        Set<Long> holding = store.holdingLiveCard(listed.keySet());

        List<ImportReport.RowError> errors = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        Map<String, Integer> numberSeen = new HashMap<>();
        Map<Long, Integer> memberSeen = new HashMap<>();
        LocalDate today = time.today();
        for (PartnerFile.Line line : lines) {
            List<String> problems = new ArrayList<>();
            Long memberId = member(line, scope, found, listed, problems);
            CardNumber number = null;
            if (!CardNumber.isValid(line.cell(2))) {
                problems.add(message("card.issue.number.invalid", line.cell(2)));
            } else {
                number = new CardNumber(line.cell(2));
                Integer earlier = numberSeen.putIfAbsent(number.value(), line.number());
                if (earlier != null) {
                    problems.add(message("card.issue.number.twice", number.masked(), String.valueOf(earlier)));
                } else if (knownNumbers.contains(number.value())) {
                    problems.add(message("card.issue.number.known", number.masked()));
                }
            }
            if (memberId != null) {
                Integer earlier = memberSeen.putIfAbsent(memberId, line.number());
                if (earlier != null) {
                    problems.add(message("card.issue.member.twice", String.valueOf(earlier)));
                } else if (holding.contains(memberId)) {
                    problems.add(message("card.issue.member.has-card"));
                }
            }
            CardVersion version = PartnerFile.version(line.cell(3));
            if (version == null) {
                problems.add(message("card.issue.version.invalid", line.cell(3)));
            }
            LocalDate issuedOn = PartnerFile.date(line.cell(4));
            if (issuedOn == null || issuedOn.getYear() < 2000 || issuedOn.isAfter(today)) {
                problems.add(message("card.issue.date.invalid", line.cell(4)));
            }
            String branch = line.cell(5);
            if (branch.isEmpty() || branch.length() > 100 || branch.chars().anyMatch(Character::isISOControl)) {
                problems.add(message("card.issue.branch.invalid"));
            }
            if (problems.isEmpty()) {
                issues.add(new Issue(memberId, number, version, issuedOn, branch));
            } else {
                errors.add(new ImportReport.RowError(line.number(), line.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(lines.size(), errors);
        }
        long batch = store.issue(file.getOriginalFilename(), issues);
        Map<Long, String> masked = new LinkedHashMap<>();
        issues.forEach(issue -> masked.put(issue.memberId(), issue.number().masked()));
        members.showCards(masked);
        audit.record("card.issue.import", "card_issue_batch", batch, issues.size() + " cards");
        return ImportReport.success(lines.size());
    }

    private Long member(PartnerFile.Line line, TreePath scope, Map<String, MemberLookup.Found> found,
            Map<Long, MemberLookup.Listed> listed, List<String> problems) {
        String idNumber = line.cell(0);
        if (!IdNumber.isValid(idNumber)) {
            problems.add(message("card.issue.id-number.invalid"));
            return null;
        }
        MemberLookup.Found member = found.get(new IdNumber(idNumber).value());
        MemberLookup.Listed shown = member == null ? null : listed.get(member.memberId());
        if (shown == null || !scope.contains(shown.orgPath())) {
            problems.add(message("card.issue.member.unknown"));
            return null;
        }
        if (member.status() != MemberStatus.ACTIVE) {
            problems.add(message("card.issue.member.not-active"));
            return null;
        }
        if (!normalName(shown.name()).equals(normalName(line.cell(1)))) {
            problems.add(message("card.issue.name.mismatch", line.cell(1)));
            return null;
        }
        return member.memberId();
    }

    private static String normalName(String name) {
        return name == null ? "" : name.replaceAll("[\\s\u3000]", "");
    }

    /** The columns of the issuance file, localised, for the template and the error report. */
    public List<String> header() {
        return List.of(message("card.issue.col.id-number"), message("card.issue.col.name"),
                message("card.issue.col.number"), message("card.issue.col.version"), message("card.issue.col.date"),
                message("card.issue.col.branch"));
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
