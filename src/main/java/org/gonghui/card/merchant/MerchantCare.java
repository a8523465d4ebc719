package org.gonghui.card.merchant;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Managing the merchants (管理): members rate outlets and file complaints (sealed; they reach the merchant's accounts
 * and the officers, each reading audit-logged), officers uphold or dismiss complaints and record inspections, and the
 * quarterly review scores each merchant under the configured {@link ReviewRule}, flagging for exit those that cross
 * its thresholds.
 */
@Service
public class MerchantCare {

    private final CardMerchants merchants;
    private final MerchantStore store;
    private final MerchantSettings settings;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final PlatformTime time;
    private final JdbcClient jdbc;
    private final MemberTexts texts;
    private final MessageSource messages;

    MerchantCare(CardMerchants merchants, MerchantStore store, MerchantSettings settings, PersonalDataCipher cipher,
            AuditLog audit, PlatformTime time, JdbcClient jdbc, MemberTexts texts, MessageSource messages) {
        this.merchants = merchants;
        this.texts = texts;
        this.messages = messages;
        this.store = store;
        this.settings = settings;
        this.cipher = cipher;
        this.audit = audit;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** A complaint as the merchant or the officer reads it (the member is not named). */
    public record Complaint(long id, long merchantId, long outletId, String outletName, String text, String status,
            Instant filedAt, String decisionNote) {
    }

    /** An outlet as members see it; not found once its merchant's discounts have stopped or before they start. */
    @Transactional(readOnly = true)
    public OutletView outlet(long outletId) {
        OutletView outlet = store.outlet(outletId).orElseThrow(() -> DomainException.notFound("card.merchant.outlet.not-found"));
        MerchantView m = merchants.find(outlet.merchantId());
        if (!m.discountsOn(time.today())) {
            throw DomainException.notFound("card.merchant.outlet.not-found");
        }
        return outlet;
    }

    /** A member rates an outlet 1–5 with an optional text; a second rating replaces the first. */
    @Transactional
    public void rate(long memberId, long outletId, int stars, String comment) {
        OutletView outlet = outlet(outletId);
        if (stars < 1 || stars > 5) {
            throw DomainException.invalid("card.merchant.rating.stars");
        }
        String text = CardMerchants.optional(comment, 500);
        jdbc.sql("delete from card_rating where outlet_id = :o and member_id = :m").param("o", outletId)
                .param("m", memberId).update();
        jdbc.sql("""
                insert into card_rating (outlet_id, member_id, card_merchant_id, stars, comment, at)
                values (:o, :m, :cm, :s, :c, :at)""").param("o", outletId).param("m", memberId)
                .param("cm", outlet.merchantId()).param("s", stars).param("c", text)
                .param("at", MerchantStore.ts(time.now())).update();
    }

    /** A member complains about an outlet; the text is sealed. */
    @Transactional
    public long complain(long memberId, long outletId, String text) {
        OutletView outlet = store.outlet(outletId).orElseThrow(() -> DomainException.notFound("card.merchant.outlet.not-found"));
        merchants.find(outlet.merchantId()); // complaints are heard also after an exit
        String body = CardMerchants.text(text, 1000, "card.merchant.complaint.invalid");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_complaint (card_merchant_id, outlet_id, member_id, text_enc, status, filed_at)
                values (:cm, :o, :m, :t, 'OPEN', :at)""").param("cm", outlet.merchantId()).param("o", outletId)
                .param("m", memberId).param("t", cipher.encrypt(body)).param("at", MerchantStore.ts(time.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("card.merchant.complaint", "card_merchant", outlet.merchantId(), "complaint " + id);
        return id;
    }

    /** The complaints about a merchant: its own accounts see their merchant's, officers any merchant's. */
    @Transactional
    public List<Complaint> complaints(CurrentUser user, long merchantId) {
        long id = user.has(Role.MERCHANT) ? merchants.own(user).id() : merchants.officerFind(user, merchantId).id();
        List<Complaint> list = jdbc.sql("""
                select c.*, o.name as outlet_name from card_complaint c join card_outlet o on o.id = c.outlet_id
                where c.card_merchant_id = :m order by c.filed_at desc, c.id desc""").param("m", id)
                .query((rs, n) -> new Complaint(rs.getLong("id"), id, rs.getLong("outlet_id"), rs.getString("outlet_name"),
                        cipher.decrypt(rs.getString("text_enc")), rs.getString("status"),
                        rs.getTimestamp("filed_at").toInstant(), rs.getString("decision_note"))).list();
        if (!list.isEmpty()) {
            audit.record("card.merchant.complaints-read", "card_merchant", id, list.size() + " complaints");
        }
        return list;
    }

    /**
     * The officer upholds or dismisses an open complaint, with a note; once that is committed the member who complained
     * is texted the outcome (in Chinese, the members' language; the note stays on the officer's page).
     */
    @Transactional
    public void decide(CurrentUser officer, long complaintId, boolean upheld, String note) {
        CardMerchants.officer(officer);
        int changed = jdbc.sql("""
                update card_complaint set status = :s, decided_by = :by, decided_at = :at, decision_note = :n
                where id = :id and status = 'OPEN'""").param("s", upheld ? "UPHELD" : "DISMISSED")
                .param("by", officer.getUsername()).param("at", MerchantStore.ts(time.now()))
                .param("n", CardMerchants.text(note, 500, "card.merchant.note.invalid")).param("id", complaintId).update();
        if (changed == 0) {
            boolean exists = jdbc.sql("select count(*) from card_complaint where id = :id").param("id", complaintId)
                    .query(Long.class).single() > 0;
            throw exists ? DomainException.conflict("card.merchant.complaint.decided")
                    : DomainException.notFound("card.merchant.complaint.not-found");
        }
        audit.record("card.merchant.complaint-" + (upheld ? "upheld" : "dismissed"), "card_complaint", complaintId, null);
        var told = jdbc.sql("""
                select c.member_id, m.name as merchant_name, o.name as outlet_name from card_complaint c
                join card_merchant m on m.id = c.card_merchant_id join card_outlet o on o.id = c.outlet_id
                where c.id = :id""").param("id", complaintId)
                .query((rs, n) -> new Object[] {rs.getLong("member_id"), rs.getString("merchant_name"),
                        rs.getString("outlet_name")}).single();
        String text = messages.getMessage("card.merchant.complaint.sms." + (upheld ? "UPHELD" : "DISMISSED"),
                new Object[] {told[1], told[2], complaintId}, Locale.SIMPLIFIED_CHINESE);
        afterCommit(() -> texts.send((Long) told[0], text));
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

    /** An inspection of a merchant (optionally of one outlet): the day, a score 0–100 and findings. */
    @Transactional
    public long inspect(CurrentUser officer, long merchantId, Long outletId, LocalDate on, int score, String findings) {
        MerchantView m = merchants.officerFind(officer, merchantId);
        if (outletId != null && store.outlets(m.id()).stream().noneMatch(o -> o.id() == outletId)) {
            throw DomainException.notFound("card.merchant.outlet.not-found");
        }
        if (on == null || on.isAfter(time.today()) || on.isBefore(time.today().minusYears(1)) || score < 0 || score > 100) {
            throw DomainException.invalid("card.merchant.inspection.invalid");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_inspection (card_merchant_id, outlet_id, inspected_on, inspector, score, findings)
                values (:m, :o, :on, :by, :s, :f)""").param("m", m.id()).param("o", outletId).param("on", Date.valueOf(on))
                .param("by", officer.getUsername()).param("s", score).param("f", CardMerchants.optional(findings, 1000))
                .update(keys, "id");
        audit.record("card.merchant.inspection", "card_merchant", m.id(), String.valueOf(score));
        return keys.getKey().longValue();
    }

    /** A quarter's review of one merchant. */
    public record Review(long merchantId, String quarter, ReviewRule.Inputs inputs, ReviewRule.Score score) {
    }

    /**
     * Scores a merchant for a quarter ({@code year}, 1–4) from its redemptions, ratings (given in the quarter), upheld
     * complaints (filed in the quarter) and inspections; kept (a second review of the quarter replaces the first) and
     * the merchant flagged for exit when the rule says so.
     */
    @Transactional
    public Review review(CurrentUser officer, long merchantId, int year, int quarter) {
        MerchantView m = merchants.officerFind(officer, merchantId);
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 2100) {
            throw DomainException.invalid("card.merchant.review.quarter");
        }
        LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
        LocalDate next = first.plusMonths(3);
        var from = MerchantStore.ts(time.startOf(first));
        var to = MerchantStore.ts(time.startOf(next));
        long redemptions = jdbc.sql("select count(*) from card_redemption where card_merchant_id = :m and ym between :a and :b")
                .param("m", m.id()).param("a", year * 100 + first.getMonthValue())
                .param("b", year * 100 + first.getMonthValue() + 2).query(Long.class).single();
        BigDecimal stars = jdbc.sql("select avg(cast(stars as numeric(4,2))) from card_rating where card_merchant_id = :m and at >= :f and at < :t")
                .param("m", m.id()).param("f", from).param("t", to).query(BigDecimal.class).optional().orElse(null);
        int upheld = jdbc.sql("""
                select count(*) from card_complaint where card_merchant_id = :m and status = 'UPHELD'
                  and filed_at >= :f and filed_at < :t""").param("m", m.id()).param("f", from).param("t", to)
                .query(Long.class).single().intValue();
        BigDecimal inspections = jdbc.sql("""
                select avg(cast(score as numeric(5,2))) from card_inspection where card_merchant_id = :m
                  and inspected_on >= :f and inspected_on < :t""").param("m", m.id()).param("f", Date.valueOf(first))
                .param("t", Date.valueOf(next)).query(BigDecimal.class).optional().orElse(null);
        var inputs = new ReviewRule.Inputs(redemptions, stars, upheld, inspections);
        ReviewRule.Score score = settings.reviewRule().score(inputs);
        String q = year + "Q" + quarter;
        jdbc.sql("delete from card_review where card_merchant_id = :m and quarter = :q").param("m", m.id()).param("q", q).update();
        jdbc.sql("""
                insert into card_review (card_merchant_id, quarter, redemptions, avg_stars, upheld, inspection_avg, score,
                  flagged, made_at, made_by) values (:m, :q, :r, :s, :u, :i, :score, :flag, :at, :by)""")
                .param("m", m.id()).param("q", q).param("r", redemptions).param("s", stars).param("u", upheld)
                .param("i", inspections).param("score", score.score()).param("flag", score.flagged())
                .param("at", MerchantStore.ts(time.now())).param("by", officer.getUsername()).update();
        if (score.flagged()) {
            merchants.flag(m.id(), q + " " + String.join(",", score.reasons()));
        }
        audit.record("card.merchant.review", "card_merchant", m.id(), q + " " + score.score());
        return new Review(m.id(), q, inputs, score);
    }
}
