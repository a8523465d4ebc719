package org.gonghui.card.loan;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gonghui.account.MemberTexts;
import org.gonghui.card.CardStatus;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.card.PartnerFile;
import org.gonghui.member.MemberLookup;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * 蓝领通 small loans: a card 3.0 holder applies (amount within the configured limit, term, purpose — nothing about
 * income); staff pass their subtree's new applications to the partner bank as Excel (which marks them REFERRED) and
 * import the bank's decisions (all or nothing), which the member sees on the portal and receives by text message.
 * The union decides nothing: an application only moves SUBMITTED → REFERRED → APPROVED or DECLINED. One waiting
 * application per member, held by the unique constraint {@code card_loan_one_open}.
 */
@Service
public class CardLoans {

    static final int MAX_LINES = 20_000;

    private final JdbcClient jdbc;
    private final Cards cards;
    private final MemberLookup lookup;
    private final LoanTerms terms;
    private final MemberTexts texts;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    CardLoans(JdbcClient jdbc, Cards cards, MemberLookup lookup, LoanTerms terms, MemberTexts texts, AuditLog audit,
            PlatformTime time, MessageSource messages) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.lookup = lookup;
        this.terms = terms;
        this.texts = texts;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    /** The member applies; only with an active 3.0 card and no other application waiting. */
    @Transactional
    public LoanApplicationView apply(long memberId, BigDecimal amount, Integer termMonths, String purpose) {
        CardView card = cards.current(memberId).filter(c -> c.status() == CardStatus.ACTIVE)
                .orElseThrow(() -> DomainException.conflict("card.loan.no-card"));
        if (!card.version().hasTransitAndLoans()) {
            throw DomainException.conflict("card.loan.needs-v3");
        }
        terms.checkAmount(amount);
        terms.checkTerm(termMonths);
        String text = purpose == null ? "" : purpose.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw DomainException.invalid("card.loan.purpose.invalid");
        }
        if (jdbc.sql("select count(*) from card_loan_application where open_member_id = :m").param("m", memberId)
                .query(Long.class).single() > 0) {
            throw DomainException.conflict("card.loan.open");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into card_loan_application (member_id, card_id, amount, term_months, purpose, status,
                      applied_at, open_member_id)
                    values (:m, :c, :a, :t, :p, 'SUBMITTED', :at, :m)""")
                    .param("m", memberId).param("c", card.id()).param("a", amount).param("t", termMonths)
                    .param("p", text).param("at", Timestamp.from(time.now())).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("card.loan.open");
        }
        long id = keys.getKey().longValue();
        audit.record("card.loan.apply", "card_loan_application", id, null);
        return find(id);
    }

    private static final String SELECT = """
            select l.*, m.name as member_name, c.number_masked from card_loan_application l
            join member m on m.id = l.member_id join card c on c.id = l.card_id""";

    private LoanApplicationView find(long id) {
        return jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(this::view).single();
    }

    /** The member's own applications, newest first. */
    @Transactional(readOnly = true)
    public List<LoanApplicationView> own(long memberId) {
        return jdbc.sql(SELECT + " where l.member_id = :m order by l.id desc").param("m", memberId).query(this::view).list();
    }

    /** The subtree's applications in a status, newest first. */
    @Transactional(readOnly = true)
    public PageResult<LoanApplicationView> list(CurrentUser user, LoanStatus status, int page, int size) {
        TreePath scope = TreePath.scopeOf(user);
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        List<LoanApplicationView> rows = jdbc.sql(SELECT + " join organisation o on o.id = m.org_id"
                        + " where l.status = :s and o.path like :scope order by l.id desc limit :l offset :o")
                .param("s", (status == null ? LoanStatus.SUBMITTED : status).name()).param("scope", scope.likePattern())
                .param("l", pageSize + 1).param("o", (long) pageNumber * pageSize).query(this::view).list();
        return PageResult.of(rows, pageNumber, pageSize);
    }

    /**
     * Writes the subtree's new applications for the bank (columns in docs/card.md: the ID number in clear, as the
     * bank finds its customer by it) and marks them REFERRED, in one transaction: the rows are locked, so two staff
     * exporting at once never send an application twice. Audit-logged with the count.
     */
    @Transactional
    public int refer(CurrentUser user, OutputStream out) {
        TreePath scope = TreePath.scopeOf(user);
        List<Long> ids = jdbc.sql("""
                select l.id from card_loan_application l join member m on m.id = l.member_id
                join organisation o on o.id = m.org_id where l.status = 'SUBMITTED' and o.path like :scope order by l.id""")
                .param("scope", scope.likePattern()).query(Long.class).list();
        List<LoanApplicationView> referred = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            List<Long> locked = jdbc.sql("select id from card_loan_application where id in (:ids) and status = 'SUBMITTED' for update")
                    .param("ids", chunk).query(Long.class).list();
            if (locked.isEmpty()) {
                continue;
            }
            jdbc.sql("update card_loan_application set status = 'REFERRED', referred_at = :at, referred_by = :by where id in (:ids)")
                    .param("at", Timestamp.from(time.now()))
                    .param("by", user.getUsername()).param("ids", locked).update();
            referred.addAll(jdbc.sql(SELECT + " where l.id in (:ids) order by l.id").param("ids", locked).query(this::view).list());
        }
        Map<Long, String> idNumbers = lookup.idNumbers(referred.stream().map(LoanApplicationView::memberId).toList());
        List<List<?>> rows = new ArrayList<>();
        for (LoanApplicationView a : referred) {
            rows.add(List.of(a.applicationNo(), a.memberName(), idNumbers.getOrDefault(a.memberId(), ""), a.cardMasked(),
                    a.amount().toPlainString(), a.termMonths(), a.purpose(), time.dateOf(a.appliedAt()).toString()));
        }
        audit.record("card.loan.refer", "card_loan_application", null, rows.size() + " applications");
        Spreadsheets.write(out, "applications", referralHeader(), rows);
        return rows.size();
    }

    public List<String> referralHeader() {
        return List.of(message("card.loan.col.no"), message("card.issue.col.name"), message("card.issue.col.id-number"),
                message("card.issue.col.number"), message("card.loan.col.amount"), message("card.loan.col.term"),
                message("card.loan.col.purpose"), message("card.loan.col.applied-on"));
    }

    public List<String> decisionHeader() {
        return List.of(message("card.loan.col.no"), message("card.loan.col.decision"),
                message("card.loan.col.approved-amount"), message("card.loan.col.rate"), message("card.loan.col.decided-on"));
    }

    /** A checked line of the bank's decisions. */
    private record Decision(long id, long memberId, String applicationNo, boolean approved, BigDecimal amount,
            BigDecimal rate, LocalDate on) {
    }

    /**
     * Imports the bank's decisions (application no., approved/declined, amount, yearly rate in percent, date; format
     * in docs/card.md) for applications of the subtree it was sent: every line or none. Each member is texted the
     * decision once the import is committed.
     */
    @Transactional
    public ImportReport importDecisions(CurrentUser user, MultipartFile file) {
        TreePath scope = TreePath.scopeOf(user);
        List<PartnerFile.Line> lines = PartnerFile.read(file, MAX_LINES);
        Map<Long, Row> known = rows(lines.stream().map(line -> LoanApplicationView.idOf(line.cell(0)))
                .filter(id -> id > 0).distinct().toList());
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        LocalDate today = time.today();
        for (PartnerFile.Line line : lines) {
            List<String> problems = new ArrayList<>();
            long id = LoanApplicationView.idOf(line.cell(0));
            Row row = known.get(id);
            if (row == null || !scope.contains(row.orgPath())) {
                problems.add(message("card.loan.decision.unknown", line.cell(0)));
            } else if (seen.putIfAbsent(id, line.number()) != null) {
                problems.add(message("card.loan.decision.twice", String.valueOf(seen.get(id))));
            } else if (row.status() != LoanStatus.REFERRED) {
                problems.add(message("card.loan.decision.not-referred", message("card.loan.status." + row.status())));
            }
            Boolean approved = decision(line.cell(1));
            BigDecimal amount = decimal(line.cell(2));
            BigDecimal rate = decimal(line.cell(3));
            if (approved == null) {
                problems.add(message("card.loan.decision.invalid", line.cell(1)));
            } else if (approved) {
                if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(terms.limit()) > 0) {
                    problems.add(message("card.loan.decision.amount", line.cell(2), terms.limit().toPlainString()));
                }
                if (!LoanTerms.plausibleRate(rate)) {
                    problems.add(message("card.loan.decision.rate", line.cell(3)));
                }
            }
            LocalDate on = PartnerFile.date(line.cell(4));
            if (on == null || on.isAfter(today) || row != null && on.isBefore(time.dateOf(row.appliedAt()))) {
                problems.add(message("card.loan.decision.date", line.cell(4)));
            }
            if (problems.isEmpty()) {
                decisions.add(new Decision(id, row.memberId(), LoanApplicationView.number(id), approved,
                        approved ? amount : null, approved ? rate : null, on));
            } else {
                errors.add(new ImportReport.RowError(line.number(), line.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(lines.size(), errors);
        }
        Timestamp now = Timestamp.from(time.now());
        for (Decision d : decisions) {
            int changed = jdbc.sql("""
                    update card_loan_application set status = :s, approved_amount = :a, annual_rate = :r, decided_on = :on,
                      decision_imported_at = :at, open_member_id = null where id = :id and status = 'REFERRED'""")
                    .param("s", d.approved() ? LoanStatus.APPROVED.name() : LoanStatus.DECLINED.name())
                    .param("a", d.amount()).param("r", d.rate()).param("on", java.sql.Date.valueOf(d.on()))
                    .param("at", now).param("id", d.id()).update();
            if (changed != 1) {
                throw DomainException.conflict("card.concurrent-change");
            }
        }
        audit.record("card.loan.decisions", "card_loan_application", null, decisions.size() + " decisions");
        afterCommit(() -> decisions.forEach(d -> texts.send(d.memberId(), d.approved()
                ? message("card.loan.sms.approved", d.applicationNo(), d.amount().toPlainString(), d.rate().toPlainString())
                : message("card.loan.sms.declined", d.applicationNo()))));
        return ImportReport.success(lines.size());
    }

    private record Row(long id, long memberId, LoanStatus status, String orgPath, java.time.Instant appliedAt) {
    }

    private Map<Long, Row> rows(List<Long> ids) {
        Map<Long, Row> rows = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("""
                    select l.id, l.member_id, l.status, o.path, l.applied_at from card_loan_application l
                    join member m on m.id = l.member_id join organisation o on o.id = m.org_id where l.id in (:ids)""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), LoanStatus.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getTimestamp(5).toInstant()))
                    .list().forEach(row -> rows.put(row.id(), row));
        }
        return rows;
    }

    private static Boolean decision(String text) {
        switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "APPROVED", "APPROVE", "Y", "YES", "批准", "同意", "通过", "核准":
                return Boolean.TRUE;
            case "DECLINED", "DECLINE", "REJECTED", "N", "NO", "拒绝", "不同意", "不通过", "未通过":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static BigDecimal decimal(String text) {
        String value = text.strip().replace(",", "").replace("%", "");
        if (value.isEmpty() || value.length() > 20 || !value.matches("[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(value);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private LoanApplicationView view(ResultSet rs, int n) throws SQLException {
        Timestamp referred = rs.getTimestamp("referred_at");
        java.sql.Date decided = rs.getDate("decided_on");
        return new LoanApplicationView(rs.getLong("id"), LoanApplicationView.number(rs.getLong("id")),
                rs.getLong("member_id"), rs.getString("member_name"), rs.getString("number_masked"),
                rs.getBigDecimal("amount"), rs.getInt("term_months"), rs.getString("purpose"),
                LoanStatus.valueOf(rs.getString("status")), rs.getTimestamp("applied_at").toInstant(),
                referred == null ? null : referred.toInstant(), rs.getBigDecimal("approved_amount"),
                rs.getBigDecimal("annual_rate"), decided == null ? null : decided.toLocalDate());
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
