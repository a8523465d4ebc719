package org.gonghui.card.merchant;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gonghui.activity.Merchants;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant network (特约商户): application or registration, selection against the written criteria (each reviewer
 * ticks a checklist with notes), approval by a second, different person with a contract and its term, sign-in
 * accounts, outlets, and exit with notice. The federation's merchant officers are staff at the city level; a
 * merchant's own accounts act only on their merchant.
 */
@Service
public class CardMerchants {

    private static final String PUBLIC = "public";

    private final MerchantStore store;
    private final MerchantSettings settings;
    private final Merchants signIns;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final PlatformTime time;
    private final JdbcClient jdbc;
    private final TillFacts facts;

    CardMerchants(MerchantStore store, MerchantSettings settings, Merchants signIns, PersonalDataCipher cipher,
            AuditLog audit, PlatformTime time, JdbcClient jdbc, TillFacts facts) {
        this.store = store;
        this.facts = facts;
        this.settings = settings;
        this.signIns = signIns;
        this.cipher = cipher;
        this.audit = audit;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** A merchant applies online (the public form). */
    @Transactional
    public long apply(MerchantApplication application) {
        return insert(application, PUBLIC, null);
    }

    /** Staff register a merchant (the same as an application, under their name). */
    @Transactional
    public long register(CurrentUser staff, MerchantApplication application) {
        officer(staff);
        return insert(application, staff.getUsername(), null);
    }

    /** Staff register a merchant that already signs in to redeem vouchers (its sign-in record and accounts act for it). */
    @Transactional
    public long registerExisting(CurrentUser staff, MerchantApplication application, long signInMerchantId) {
        officer(staff);
        signIns.find(signInMerchantId).orElseThrow(() -> DomainException.notFound("merchant.not-found"));
        return insert(application, staff.getUsername(), signInMerchantId);
    }

    private long insert(MerchantApplication a, String by, Long signInMerchantId) {
        if (a == null) {
            throw DomainException.invalid("card.merchant.invalid");
        }
        String name = text(a.name(), 100, "card.merchant.name.invalid");
        String code = CreditCode.normalise(a.licenceCode());
        if (code == null) {
            throw DomainException.invalid("card.merchant.licence.invalid");
        }
        Set<String> categories = new LinkedHashSet<>(a.categories() == null ? List.of() : a.categories());
        if (categories.isEmpty() || !settings.categories().containsAll(categories)) {
            throw DomainException.invalid("card.merchant.category.invalid");
        }
        String discount = text(a.committedDiscount(), 200, "card.merchant.discount.invalid");
        String contact = text(a.contactName(), 50, "card.merchant.contact.invalid");
        String phone = a.contactPhone() == null ? "" : a.contactPhone().strip();
        if (!phone.matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
            throw DomainException.invalid("card.merchant.phone.invalid");
        }
        if (a.outlets() == null || a.outlets().isEmpty() || a.outlets().size() > 200) {
            throw DomainException.invalid("card.merchant.outlets.none");
        }
        a.outlets().forEach(this::checkOutlet);
        if (jdbc.sql("select count(*) from card_merchant where licence_code = :c").param("c", code).query(Long.class)
                .single() > 0) {
            throw DomainException.conflict("card.merchant.licence.taken");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into card_merchant (merchant_id, name, licence_code, categories, committed_discount, contact_name,
                      contact_phone_enc, contact_phone_masked, status, applied_by, applied_at)
                    values (:sid, :n, :c, :cat, :d, :cn, :pe, :pm, 'APPLIED', :by, :at)""")
                    .param("sid", signInMerchantId).param("n", name).param("c", code)
                    .param("cat", String.join(",", categories)).param("d", discount).param("cn", contact)
                    .param("pe", cipher.encrypt(phone)).param("pm", Masking.phone(phone)).param("by", by)
                    .param("at", MerchantStore.ts(time.now())).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("card.merchant.licence.taken");
        }
        long id = keys.getKey().longValue();
        for (OutletForm outlet : a.outlets()) {
            store.insertOutlet(id, outlet, List.copyOf(categories), false);
        }
        facts.changed();
        audit.record(by, null, "card.merchant.apply", "card_merchant", id, name);
        return id;
    }

    /** Opening hours: one or more HH:MM-HH:MM (a range may run past midnight), or 24 小时 / 全天. */
    static final java.util.regex.Pattern HOURS = java.util.regex.Pattern.compile(
            "(24 ?小时|全天)|(([01]\\d|2[0-3]):[0-5]\\d ?[-–~至] ?(([01]\\d|2[0-3]):[0-5]\\d|24:00))"
            + "([,，、; ] ?(([01]\\d|2[0-3]):[0-5]\\d ?[-–~至] ?(([01]\\d|2[0-3]):[0-5]\\d|24:00)))*");

    /** How far an outlet may lie from the centre of the district it names. */
    static final double DISTRICT_RADIUS_M = 100_000;

    /**
     * An outlet's facts: name, address, district (one of the configured), opening hours ({@link #HOURS}) and a position
     * that is a point within {@link #DISTRICT_RADIUS_M} of its district's centre (swapped or mistyped coordinates are
     * caught).
     */
    void checkOutlet(OutletForm o) {
        if (o == null) {
            throw DomainException.invalid("card.merchant.outlet.invalid");
        }
        text(o.name(), 100, "card.merchant.outlet.invalid");
        text(o.address(), 200, "card.merchant.outlet.invalid");
        String district = text(o.district(), 50, "card.merchant.outlet.invalid");
        String hours = text(o.openingHours(), 100, "card.merchant.outlet.invalid");
        if (!HOURS.matcher(hours).matches()) {
            throw DomainException.invalid("card.merchant.outlet.hours");
        }
        MerchantSettings.District centre = settings.district(district);
        if (centre == null) {
            throw DomainException.invalid("card.merchant.outlet.district");
        }
        if (!Geo.isPoint(o.lat(), o.lng())) {
            throw DomainException.invalid("card.merchant.outlet.position");
        }
        if (Geo.metres(o.lat(), o.lng(), centre.lat(), centre.lng()) > DISTRICT_RADIUS_M) {
            throw DomainException.invalid("card.merchant.outlet.far", district);
        }
    }

    /** A reviewer's tick on one written criterion, with a note (a second tick by the same reviewer replaces the first). */
    @Transactional
    public void check(CurrentUser reviewer, long id, String criterion, boolean passed, String note) {
        officer(reviewer);
        MerchantView m = locked(id);
        if (m.status() != MerchantStatus.APPLIED) {
            throw DomainException.conflict("card.merchant.not-under-selection");
        }
        if (!settings.criteria().contains(criterion)) {
            throw DomainException.invalid("card.merchant.criterion.invalid");
        }
        String text = note == null || note.isBlank() ? null : text(note, 300, "card.merchant.note.invalid");
        jdbc.sql("delete from card_merchant_check where card_merchant_id = :m and criterion = :c and reviewer = :r")
                .param("m", id).param("c", criterion).param("r", reviewer.getUsername()).update();
        jdbc.sql("""
                insert into card_merchant_check (card_merchant_id, criterion, reviewer, passed, note, at)
                values (:m, :c, :r, :p, :n, :at)""").param("m", id).param("c", criterion)
                .param("r", reviewer.getUsername()).param("p", passed).param("n", text)
                .param("at", MerchantStore.ts(time.now())).update();
        audit.record("card.merchant.check", "card_merchant", id, criterion + (passed ? " passed" : " failed"));
    }

    /** One reviewer's tick. */
    public record Check(String criterion, String reviewer, boolean passed, String note, java.time.Instant at) {
    }

    @Transactional(readOnly = true)
    public List<Check> checks(long id) {
        return jdbc.sql("select * from card_merchant_check where card_merchant_id = :m order by criterion, at")
                .param("m", id).query((rs, n) -> new Check(rs.getString("criterion"), rs.getString("reviewer"),
                        rs.getBoolean("passed"), rs.getString("note"), rs.getTimestamp("at").toInstant())).list();
    }

    /**
     * Approves a merchant that passed selection and records its contract: every criterion ticked as met and none as
     * failed, by reviewers other than the approver (who is also not the one who registered it). A sign-in record is
     * made for it unless it had one; its outlets appear to members from the contract's first day.
     */
    @Transactional
    public MerchantView approve(CurrentUser approver, long id, String contractNo, LocalDate from, LocalDate until,
            String note) {
        officer(approver);
        MerchantView m = locked(id);
        if (m.status() != MerchantStatus.APPLIED) {
            throw DomainException.conflict("card.merchant.not-under-selection");
        }
        String number = text(contractNo, 40, "card.merchant.contract.invalid");
        if (from == null || until == null || !until.isAfter(from) || until.isAfter(from.plusYears(10))) {
            throw DomainException.invalid("card.merchant.contract.term");
        }
        List<Check> checks = checks(id);
        if (checks.stream().anyMatch(c -> c.reviewer().equals(approver.getUsername()))
                || m.appliedBy().equals(approver.getUsername())) {
            throw DomainException.conflict("card.merchant.approve.second-person");
        }
        for (String criterion : settings.criteria()) {
            var ticks = checks.stream().filter(c -> c.criterion().equals(criterion)).toList();
            if (ticks.isEmpty() || ticks.stream().anyMatch(c -> !c.passed())) {
                throw DomainException.conflict("card.merchant.approve.criteria");
            }
        }
        Long signIn = m.merchantId() != null ? m.merchantId() : signIns.createRecord(m.name()).id();
        jdbc.sql("""
                update card_merchant set status = 'ACTIVE', merchant_id = :sid, approved_by = :by, approved_at = :at,
                  decision_note = :note, contract_no = :no, contract_from = :f, contract_until = :u, version = version + 1
                where id = :id""").param("sid", signIn).param("by", approver.getUsername())
                .param("at", MerchantStore.ts(time.now())).param("note", optional(note, 500)).param("no", number)
                .param("f", Date.valueOf(from)).param("u", Date.valueOf(until)).param("id", id).update();
        store.setLive(id, true);
        facts.changed();
        audit.record("card.merchant.approve", "card_merchant", id, number);
        return store.find(id).orElseThrow();
    }

    @Transactional
    public MerchantView reject(CurrentUser approver, long id, String note) {
        officer(approver);
        MerchantView m = locked(id);
        if (m.status() != MerchantStatus.APPLIED) {
            throw DomainException.conflict("card.merchant.not-under-selection");
        }
        jdbc.sql("""
                update card_merchant set status = 'REJECTED', approved_by = :by, approved_at = :at, decision_note = :n,
                  version = version + 1 where id = :id""").param("by", approver.getUsername())
                .param("at", MerchantStore.ts(time.now())).param("n", text(note, 500, "card.merchant.note.invalid"))
                .param("id", id).update();
        facts.changed();
        audit.record("card.merchant.reject", "card_merchant", id, null);
        return store.find(id).orElseThrow();
    }

    /** Another sign-in account for an approved merchant, scoped to it. */
    @Transactional
    public long addAccount(CurrentUser staff, long id, String username, String displayName, String password) {
        officer(staff);
        MerchantView m = find(id);
        if (m.merchantId() == null) {
            throw DomainException.conflict("card.merchant.not-approved");
        }
        return signIns.addAccount(staff, m.merchantId(), username, displayName, password);
    }

    /** An outlet more (staff, or the merchant for itself); shown to members while the merchant is live. */
    @Transactional
    public long addOutlet(CurrentUser user, long id, OutletForm outlet) {
        MerchantView m = user.has(Role.MERCHANT) ? own(user) : officerFind(user, id);
        checkOutlet(outlet);
        long outletId = store.insertOutlet(m.id(), outlet, m.categories(),
                m.status() == MerchantStatus.ACTIVE || m.status() == MerchantStatus.EXITING);
        facts.changed();
        audit.record("card.merchant.outlet", "card_merchant", m.id(), outlet.name());
        return outletId;
    }

    /** Changes an outlet's facts (the merchant for its own outlets, or an officer); members find it at once where it is now. */
    @Transactional
    public OutletView updateOutlet(CurrentUser user, long id, long outletId, OutletForm outlet) {
        MerchantView m = user.has(Role.MERCHANT) ? own(user) : officerFind(user, id);
        store.outlet(outletId).filter(o -> o.merchantId() == m.id())
                .orElseThrow(() -> DomainException.notFound("card.merchant.outlet.not-found"));
        checkOutlet(outlet);
        store.updateOutlet(outletId, outlet);
        facts.changed();
        audit.record("card.merchant.outlet-change", "card_merchant", m.id(), outletId + " " + outlet.name().strip());
        return store.outlet(outletId).orElseThrow();
    }

    /**
     * Exit (退出) by the merchant (its own account) or by the federation (an officer): the reasons, the day notice was
     * given and the day from which its discounts stop (after today). Redemptions are refused from that day and its
     * outlets are no longer found.
     */
    @Transactional
    public MerchantView exit(CurrentUser user, long id, String reason, LocalDate stopsOn) {
        boolean byMerchant = user.has(Role.MERCHANT);
        MerchantView m = byMerchant ? own(user) : officerFind(user, id);
        m = locked(m.id());
        if (m.status() != MerchantStatus.ACTIVE && m.status() != MerchantStatus.EXITING) {
            throw DomainException.conflict("card.merchant.not-active");
        }
        LocalDate today = time.today();
        if (stopsOn == null || !stopsOn.isAfter(today) || stopsOn.isAfter(today.plusYears(1))) {
            throw DomainException.invalid("card.merchant.exit.date");
        }
        jdbc.sql("""
                update card_merchant set status = 'EXITING', exit_side = :side, exit_reason = :r, exit_noticed_on = :on,
                  discounts_stop_on = :stop, exit_by = :by, version = version + 1 where id = :id""")
                .param("side", byMerchant ? "MERCHANT" : "FEDERATION")
                .param("r", text(reason, 500, "card.merchant.exit.reason")).param("on", Date.valueOf(today))
                .param("stop", Date.valueOf(stopsOn)).param("by", user.getUsername()).param("id", m.id()).update();
        facts.changed();
        audit.record("card.merchant.exit", "card_merchant", m.id(), stopsOn.toString());
        return store.find(m.id()).orElseThrow();
    }

    /** Marks a merchant for exit (the quarterly review does this when it crosses a threshold). */
    void flag(long id, String reason) {
        jdbc.sql("update card_merchant set flagged = true, flag_reason = :r where id = :id").param("r", reason)
                .param("id", id).update();
        facts.changed();
        audit.record("system", null, "card.merchant.flag", "card_merchant", id, reason);
    }

    @Transactional(readOnly = true)
    public List<MerchantView> all(CurrentUser staff) {
        officer(staff);
        return store.all();
    }

    @Transactional(readOnly = true)
    public MerchantView officerFind(CurrentUser staff, long id) {
        officer(staff);
        return find(id);
    }

    /** The card merchant the signed-in merchant account acts for. */
    @Transactional(readOnly = true)
    public MerchantView own(CurrentUser user) {
        long signIn = signIns.of(user).id();
        return store.bySignIn(signIn).orElseThrow(() -> DomainException.forbidden("card.merchant.not-in-network"));
    }

    @Transactional(readOnly = true)
    public List<OutletView> outlets(long id) {
        return store.outlets(id);
    }

    /** The contact phone in clear for an officer; audit-logged. */
    @Transactional
    public String revealContact(CurrentUser staff, long id) {
        officer(staff);
        find(id);
        audit.record("card.merchant.reveal-contact", "card_merchant", id, null);
        return cipher.decrypt(jdbc.sql("select contact_phone_enc from card_merchant where id = :id").param("id", id)
                .query(String.class).single());
    }

    /** The federation's merchant officers: staff at the city level (the root of the tree). */
    static void officer(CurrentUser user) {
        if (user == null || !user.isStaff() || TreePath.scopeOf(user).depth() != 1) {
            throw DomainException.forbidden("card.merchant.officers-only");
        }
    }

    MerchantView find(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("card.merchant.not-found"));
    }

    private MerchantView locked(long id) {
        return store.lock(id).orElseThrow(() -> DomainException.notFound("card.merchant.not-found"));
    }

    static String text(String value, int max, String code) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw DomainException.invalid(code);
        }
        return value.strip();
    }

    static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw DomainException.invalid("card.merchant.note.invalid");
        }
        return value.strip();
    }

    static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
