package org.gonghui.card.insurance;

import java.io.OutputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.card.CardStatus;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.card.PartnerFile;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberStatus;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The card's accident and home-fire insurance: a member enrols on the portal, or staff enrol members of their
 * subtree one by one or by an Excel list (all or nothing); once per member and policy year, held by the unique
 * constraint {@code card_insurance_once} under concurrency. The year's list goes to the insurer as Excel with the
 * ID numbers in clear (the insurer needs them): each export is audit-logged.
 */
@Service
public class CardInsurance {

    static final int MAX_LINES = 20_000;

    private final JdbcClient jdbc;
    private final Cards cards;
    private final MemberLookup lookup;
    private final InsuranceTerms terms;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    CardInsurance(JdbcClient jdbc, Cards cards, MemberLookup lookup, InsuranceTerms terms, AuditLog audit,
            PlatformTime time, MessageSource messages) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.lookup = lookup;
        this.terms = terms;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    /** The member enrols (and pays) for this year; they must hold a card. */
    @Transactional
    public PolicyView enrolSelf(long memberId, int year) {
        terms.requireOpen(year, time.today());
        CardView card = liveCard(memberId).orElseThrow(() -> DomainException.conflict("card.insurance.no-card"));
        requireNotEnrolled(memberId, year);
        long id = insert(memberId, card.id(), year, PaidBy.MEMBER);
        audit.record("card.insurance.enrol", "card_insurance_policy", id, "member");
        return find(id);
    }

    /** Staff enrol one member of their subtree, found by ID number and name; the unit pays. */
    @Transactional
    public PolicyView enrolMember(CurrentUser user, String idNumber, String name, int year) {
        TreePath scope = TreePath.scopeOf(user);
        terms.requireOpen(year, time.today());
        List<String> problems = new ArrayList<>();
        Candidates candidates = candidates(List.of(idNumber == null ? "" : idNumber), year);
        Long memberId = check(idNumber, name, scope, candidates, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("card.insurance.refused", String.join("；", problems));
        }
        long id = insert(memberId, candidates.cardOf.get(memberId), year, PaidBy.UNIT);
        audit.record("card.insurance.enrol", "card_insurance_policy", id, "unit");
        return find(id);
    }

    /** Staff enrol a list of members (ID number, name a line; CSV or Excel): every line or none. */
    @Transactional
    public ImportReport importList(CurrentUser user, MultipartFile file, int year) {
        TreePath scope = TreePath.scopeOf(user);
        terms.requireOpen(year, time.today());
        List<PartnerFile.Line> lines = PartnerFile.read(file, MAX_LINES);
        Candidates candidates = candidates(lines.stream().map(line -> line.cell(0)).toList(), year);
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<Long> enrol = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (PartnerFile.Line line : lines) {
            List<String> problems = new ArrayList<>();
            Long memberId = check(line.cell(0), line.cell(1), scope, candidates, problems);
            if (memberId != null) {
                Integer earlier = seen.putIfAbsent(memberId, line.number());
                if (earlier != null) {
                    problems.add(message("card.insurance.twice", String.valueOf(earlier)));
                }
            }
            if (problems.isEmpty()) {
                enrol.add(memberId);
            } else {
                errors.add(new ImportReport.RowError(line.number(), line.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(lines.size(), errors);
        }
        enrol.forEach(memberId -> insert(memberId, candidates.cardOf.get(memberId), year, PaidBy.UNIT));
        audit.record("card.insurance.import", "card_insurance_policy", null, enrol.size() + " members, " + year);
        return ImportReport.success(lines.size());
    }

    /** The localised columns of the unit's list (template and error report). */
    public List<String> listHeader() {
        return List.of(message("card.issue.col.id-number"), message("card.issue.col.name"));
    }

    /** What the batched checks of a list need: members by ID number, their names and places, cards, policies. */
    private record Candidates(Map<String, MemberLookup.Found> found, Map<Long, MemberLookup.Listed> listed,
            Map<Long, Long> cardOf, Set<Long> enrolled) {
    }

    private Candidates candidates(List<String> idNumbers, int year) {
        Map<String, MemberLookup.Found> found = lookup.byIdNumbers(idNumbers);
        List<Long> ids = found.values().stream().map(MemberLookup.Found::memberId).toList();
        Map<Long, MemberLookup.Listed> listed = lookup.byIds(ids);
        Map<Long, Long> cardOf = new HashMap<>();
        Set<Long> enrolled = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            jdbc.sql("select live_member_id, id from card where live_member_id in (:m) and status <> :lost")
                    .param("m", chunk).param("lost", CardStatus.REPORTED_LOST.name())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                    .forEach(e -> cardOf.put(e.getKey(), e.getValue()));
            enrolled.addAll(jdbc.sql("select member_id from card_insurance_policy where policy_year = :y and member_id in (:m)")
                    .param("y", year).param("m", chunk).query(Long.class).list());
        }
        return new Candidates(found, listed, cardOf, enrolled);
    }

    private Long check(String idNumber, String name, TreePath scope, Candidates candidates, List<String> problems) {
        String id = idNumber == null ? "" : idNumber.strip();
        if (!IdNumber.isValid(id)) {
            problems.add(message("card.issue.id-number.invalid"));
            return null;
        }
        MemberLookup.Found member = candidates.found().get(new IdNumber(id).value());
        MemberLookup.Listed shown = member == null ? null : candidates.listed().get(member.memberId());
        if (shown == null || !scope.contains(shown.orgPath())) {
            problems.add(message("card.issue.member.unknown"));
            return null;
        }
        if (member.status() != MemberStatus.ACTIVE) {
            problems.add(message("card.issue.member.not-active"));
        }
        String typed = name == null ? "" : name.replaceAll("[\\s\u3000]", "");
        if (!shown.name().replaceAll("[\\s\u3000]", "").equals(typed)) {
            problems.add(message("card.issue.name.mismatch", name == null ? "" : name));
        }
        if (!candidates.cardOf().containsKey(member.memberId())) {
            problems.add(message("card.insurance.no-card"));
        }
        if (candidates.enrolled().contains(member.memberId())) {
            problems.add(message("card.insurance.already"));
        }
        return member.memberId();
    }

    private java.util.Optional<CardView> liveCard(long memberId) {
        return cards.current(memberId).filter(card -> card.status() != CardStatus.REPORTED_LOST);
    }

    private void requireNotEnrolled(long memberId, int year) {
        if (jdbc.sql("select count(*) from card_insurance_policy where member_id = :m and policy_year = :y")
                .param("m", memberId).param("y", year).query(Long.class).single() > 0) {
            throw DomainException.conflict("card.insurance.already");
        }
    }

    private long insert(long memberId, long cardId, int year, PaidBy paidBy) {
        LocalDate today = time.today();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into card_insurance_policy (policy_no, policy_year, member_id, card_id, paid_by, premium_fen,
                      cover_from, cover_to, enrolled_at, by_user)
                    values (:no, :y, :m, :c, :paid, :fen, :from, :to, :at, :by)""")
                    .param("no", InsuranceTerms.policyNo(year, memberId)).param("y", year).param("m", memberId)
                    .param("c", cardId).param("paid", paidBy.name()).param("fen", terms.premiumFen())
                    .param("from", Date.valueOf(InsuranceTerms.coverFrom(year, today)))
                    .param("to", Date.valueOf(InsuranceTerms.coverTo(year)))
                    .param("at", Timestamp.from(time.now()))
                    .param("by", CurrentUser.current().map(CurrentUser::getUsername).orElse("system"))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("card.insurance.already");
        }
        return keys.getKey().longValue();
    }

    private static final String SELECT = """
            select p.*, m.name as member_name, c.number_masked from card_insurance_policy p
            join member m on m.id = p.member_id join card c on c.id = p.card_id""";

    private PolicyView find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(this::policy).single();
    }

    /** The member's own policies, newest year first. */
    @Transactional(readOnly = true)
    public List<PolicyView> own(long memberId) {
        return jdbc.sql(SELECT + " where p.member_id = :m order by p.policy_year desc").param("m", memberId)
                .query(this::policy).list();
    }

    /** One of the member's own policies (the certificate); another member's is not found. */
    @Transactional(readOnly = true)
    public PolicyView ownPolicy(long memberId, long id) {
        return jdbc.sql(SELECT + " where p.id = :id and p.member_id = :m").param("id", id).param("m", memberId)
                .query(this::policy).optional().orElseThrow(() -> DomainException.notFound("card.insurance.not-found"));
    }

    /** The year's policies of the staff user's subtree, a page at a time. */
    @Transactional(readOnly = true)
    public PageResult<PolicyView> list(CurrentUser user, int year, int page, int size) {
        TreePath scope = TreePath.scopeOf(user);
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        List<PolicyView> rows = jdbc.sql(SELECT + " join organisation o on o.id = m.org_id"
                        + " where p.policy_year = :y and o.path like :scope order by p.id desc limit :l offset :o")
                .param("y", year).param("scope", scope.likePattern()).param("l", pageSize + 1)
                .param("o", (long) pageNumber * pageSize).query(this::policy).list();
        return PageResult.of(rows, pageNumber, pageSize);
    }

    /** How many policies the year has in the subtree. */
    @Transactional(readOnly = true)
    public long count(CurrentUser user, int year) {
        return jdbc.sql("""
                select count(*) from card_insurance_policy p join member m on m.id = p.member_id
                join organisation o on o.id = m.org_id where p.policy_year = :y and o.path like :scope""")
                .param("y", year).param("scope", TreePath.scopeOf(user).likePattern()).query(Long.class).single();
    }

    /**
     * The year's policy list for the insurer (columns in docs/card.md), the subtree's policies in order of
     * enrolment, ID numbers in clear. Audit-logged with the number of rows (so not a read-only transaction).
     */
    @Transactional
    public void export(CurrentUser user, int year, OutputStream out) {
        TreePath scope = TreePath.scopeOf(user);
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid("card.insurance.year.closed", String.valueOf(year));
        }
        List<PolicyView> policies = jdbc.sql(SELECT + " join organisation o on o.id = m.org_id"
                        + " where p.policy_year = :y and o.path like :scope order by p.id")
                .param("y", year).param("scope", scope.likePattern()).query(this::policy).list();
        Map<Long, String> idNumbers = lookup.idNumbers(policies.stream().map(PolicyView::memberId).toList());
        List<List<?>> rows = new ArrayList<>();
        for (PolicyView p : policies) {
            rows.add(List.of(p.year(), p.policyNo(), p.memberName(), idNumbers.getOrDefault(p.memberId(), ""),
                    p.cardMasked(), time.dateOf(p.enrolledAt()).toString(), message("card.insurance.paid-by." + p.paidBy()),
                    p.premium().toPlainString(), p.coverFrom().toString(), p.coverTo().toString()));
        }
        audit.record("card.insurance.export", "card_insurance_policy", null, year + ": " + rows.size() + " policies");
        Spreadsheets.write(out, "policies", exportHeader(), rows);
    }

    public List<String> exportHeader() {
        return List.of(message("card.insurance.col.year"), message("card.insurance.col.policy-no"),
                message("card.issue.col.name"), message("card.issue.col.id-number"),
                message("card.issue.col.number"), message("card.insurance.col.enrolled-on"),
                message("card.insurance.col.paid-by"), message("card.insurance.col.premium"),
                message("card.insurance.col.cover-from"), message("card.insurance.col.cover-to"));
    }

    private PolicyView policy(ResultSet rs, int n) throws SQLException {
        return new PolicyView(rs.getLong("id"), rs.getString("policy_no"), rs.getInt("policy_year"),
                rs.getLong("member_id"), rs.getString("member_name"), rs.getString("number_masked"),
                PaidBy.valueOf(rs.getString("paid_by")), rs.getLong("premium_fen"),
                rs.getDate("cover_from").toLocalDate(), rs.getDate("cover_to").toLocalDate(),
                rs.getTimestamp("enrolled_at").toInstant());
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
