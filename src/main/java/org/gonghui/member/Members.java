package org.gonghui.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member registry's use cases. Staff calls take the staff user's {@link TreePath} scope and treat a
 * member outside it as not found; look-ups by other modules ({@link #find(long)}) are unscoped and must
 * apply their own scope.
 */
@Service
public class Members {

    private final MemberRepository repository;
    private final MemberBulkInsert bulk;
    private final MemberSearch search;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final PlatformTime time;
    private final JdbcTemplate batch;

    Members(MemberRepository repository, MemberBulkInsert bulk, MemberSearch search, Organisations organisations, PersonalDataCipher cipher,
            JdbcClient jdbc, AuditLog audit, org.springframework.context.ApplicationEventPublisher events, PlatformTime time,
            JdbcTemplate batch) {
        this.time = time;
        this.batch = batch;
        this.events = events;
        this.repository = repository;
        this.bulk = bulk;
        this.search = search;
        this.organisations = organisations;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Registers a member at an organisation in the scope. */
    @Transactional
    public MemberView register(TreePath scope, NewMember form) {
        if (form.orgId() == null) {
            throw DomainException.invalid("member.organisation.required");
        }
        OrganisationView org = organisations.requireInScope(form.orgId(), scope);
        if (!org.isActive()) {
            throw DomainException.conflict("organisation.closed", org.name());
        }
        Member member = insert(org, form);
        audit.record("member.register", "member", member.id(), null);
        return member.view(org.name(), org.path());
    }

    /**
     * Registers many members at once, for demo data and trusted bulk loads: rows must already be checked
     * (organisations exist, no duplicates); a duplicate fails the whole call.
     */
    @Transactional
    public int registerAll(List<NewMember> rows, String reason) {
        List<CardNumberEntered> cards = new java.util.ArrayList<>();
        int count = bulk.insert(rows, CurrentUser.current().map(CurrentUser::getUsername).orElse("system"), reason, cards);
        cards.forEach(events::publishEvent);
        audit.record("member.register-bulk", "member", null, count + " rows: " + reason);
        return count;
    }

    private Member insert(OrganisationView org, NewMember form) {
        IdNumber idNumber = new IdNumber(form.idNumber());
        PhoneNumber phone = form.phone() == null || form.phone().isBlank() ? null : new PhoneNumber(form.phone());
        if (repository.findByIdNumberHash(cipher.hash(idNumber.value())).isPresent()) {
            throw DomainException.conflict("member.id-number.taken");
        }
        if (phone != null && repository.findByPhoneHash(cipher.hash(phone.value())).isPresent()) {
            throw DomainException.conflict("member.phone.taken");
        }
        Member member = Member.register(form.name(), idNumber, Sealed.of(cipher, idNumber.value(), idNumber.masked()),
                phone == null ? Sealed.of(cipher, null, null) : Sealed.of(cipher, phone.value(), phone.masked()),
                org.id(), form.type(), form.joinedOn(), form.cardNumber(), time.today());
        try {
            member = repository.save(member);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("member.duplicate");
        }
        history(member, null, "register");
        if (form.cardNumber() != null && !form.cardNumber().isBlank()) {
            events.publishEvent(new CardNumberEntered(member.id(), Member.checkedCard(form.cardNumber())));
        }
        return member;
    }

    /** A member in the scope, masked; the look is audit-logged. */
    @Transactional
    public MemberView view(TreePath scope, long id) {
        Member member = requireInScope(scope, id);
        audit.record("member.view", "member", id, null);
        return viewOf(member);
    }

    /** A member by id, masked, without scope: for other modules, which apply their own scope. */
    @Transactional(readOnly = true)
    public Optional<MemberView> find(long id) {
        return repository.findById(id).map(this::viewOf);
    }

    /** The member with this phone number, if any (sign-in by phone). */
    @Transactional(readOnly = true)
    public Optional<MemberView> findByPhone(String phone) {
        if (!PhoneNumber.isValid(phone)) {
            return Optional.empty();
        }
        return repository.findByPhoneHash(cipher.hash(new PhoneNumber(phone).value())).map(this::viewOf);
    }

    /** Scoped search by name prefix, exact ID number or exact phone, paginated. */
    @Transactional(readOnly = true)
    @org.gonghui.shared.db.MayLag
    public PageResult<MemberView> search(TreePath scope, MemberQuery query, int page, int size) {
        return search.search(narrow(scope, query.orgId()), query, page, size);
    }

    /** One personal value in clear text, for authorised staff; every reveal is audit-logged. */
    @Transactional
    public String reveal(TreePath scope, long id, PersonalField field) {
        Member member = requireInScope(scope, id);
        audit.record("member.reveal." + field.name().toLowerCase(java.util.Locale.ROOT), "member", id, null);
        return decrypt(member, field);
    }

    /** A member's own personal value, e.g. to show their full card number; audit-logged as well. */
    @Transactional
    public String revealOwn(long memberId, PersonalField field) {
        Member member = repository.findById(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        audit.record("member.reveal-own." + field.name().toLowerCase(java.util.Locale.ROOT), "member", memberId, null);
        return decrypt(member, field);
    }

    private String decrypt(Member member, PersonalField field) {
        return switch (field) {
            case ID_NUMBER -> cipher.decrypt(member.idNumberEnc());
            case PHONE -> cipher.decrypt(member.phoneEnc());
            case BANK_ACCOUNT -> cipher.decrypt(member.bankAccountEnc());
        };
    }

    /** Moves an active member to another organisation; both must lie in the scope. */
    @Transactional
    public MemberView transfer(TreePath scope, long id, long toOrgId, String reason) {
        Member member = requireInScope(scope, id);
        OrganisationView target = organisations.requireInScope(toOrgId, scope);
        if (!target.isActive()) {
            throw DomainException.conflict("organisation.closed", target.name());
        }
        long from = member.orgId();
        member.transferTo(target.id());
        member = repository.save(member);
        history(member, from, reason);
        audit.record("member.transfer", "member", id, from + " -> " + target.id());
        events.publishEvent(new MemberChanged(id));
        return viewOf(member);
    }

    @Transactional
    public MemberView changeStatus(TreePath scope, long id, MemberStatus status, String reason) {
        Member member = requireInScope(scope, id);
        member.changeStatus(status);
        member = repository.save(member);
        history(member, null, reason);
        audit.record("member.status", "member", id, status.name());
        events.publishEvent(new MemberChanged(id));
        return viewOf(member);
    }

    /**
     * Corrects name, phone, type or card number (the ID number never changes: it is the person). A blank
     * phone or card number keeps the current one.
     */
    @Transactional
    public MemberView update(TreePath scope, long id, String name, String phone, MemberType type, String cardNumber) {
        Member member = requireInScope(scope, id);
        Sealed sealedPhone = null; // keep the phone unless a new one is given
        if (phone != null && !phone.isBlank()) {
            PhoneNumber number = new PhoneNumber(phone);
            Optional<Member> holder = repository.findByPhoneHash(cipher.hash(number.value()));
            if (holder.isPresent() && !holder.get().id().equals(member.id())) {
                throw DomainException.conflict("member.phone.taken");
            }
            sealedPhone = Sealed.of(cipher, number.value(), number.masked());
        }
        member.changeContact(name, sealedPhone, type, cardNumber);
        try {
            member = repository.save(member);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("member.duplicate");
        }
        audit.record("member.update", "member", id, null);
        if (cardNumber != null && !cardNumber.isBlank()) {
            events.publishEvent(new CardNumberEntered(id, Member.checkedCard(cardNumber)));
        }
        events.publishEvent(new MemberChanged(id));
        return viewOf(member);
    }

    /**
     * Shows the member's card as the card module holds it: the masked number of their live card, or none. The
     * registry keeps only this masked copy; the number itself lives sealed with the card.
     */
    @Transactional
    public void showCard(long memberId, String numberMasked) {
        jdbc.sql("update member set card_number = :c, updated_at = :at where id = :id")
                .param("c", numberMasked).param("at", Timestamp.from(Instant.now())).param("id", memberId).update();
        events.publishEvent(new MemberChanged(memberId));
    }

    /**
     * {@link #showCard} for many members at once (a bank's issuance file): one batched update, the masked numbers
     * keyed by member id. No {@link MemberChanged} per member: a hundred thousand of them would each be stored and
     * completed as an event publication after the commit (minutes on the uploading request's thread); the only
     * reader of the masked number that caches members (activity eligibility for card holders) sees it within its
     * cache's time to live, as other instances do anyway.
     */
    @Transactional
    public void showCards(java.util.Map<Long, String> maskedByMember) {
        Timestamp now = Timestamp.from(time.now());
        List<Object[]> rows = maskedByMember.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), now, e.getKey()}).toList();
        for (int i = 0; i < rows.size(); i += 1000) {
            batch.batchUpdate("update member set card_number = ?, updated_at = ? where id = ?",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /** Records the member's bank account for payouts (by the member or by staff at a window). */
    @Transactional
    public MemberView changeBankAccount(long memberId, String account) {
        String digits = account == null ? "" : account.replace(" ", "");
        if (!digits.matches("[0-9]{12,19}")) {
            throw DomainException.invalid("member.bank-account.invalid");
        }
        Member member = repository.findById(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        member.changeBankAccount(Sealed.of(cipher, digits, Masking.bankAccount(digits)));
        audit.record("member.bank-account", "member", memberId, null);
        return viewOf(repository.save(member));
    }

    /** The member's status changes and transfers, oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(TreePath scope, long id) {
        requireInScope(scope, id);
        return historyOf(id);
    }

    @Transactional(readOnly = true)
    public List<StatusChange> historyOf(long id) {
        return jdbc.sql("""
                select h.*, o.name as org_name, f.name as from_org_name from member_status_change h
                join organisation o on o.id = h.org_id left join organisation f on f.id = h.from_org_id
                where h.member_id = :id order by h.id""")
                .param("id", id)
                .query((rs, n) -> new StatusChange(MemberStatus.valueOf(rs.getString("status")), rs.getLong("org_id"),
                        rs.getString("org_name"), rs.getObject("from_org_id", Long.class), rs.getString("from_org_name"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"), rs.getString("reason")))
                .list();
    }

    /** How many active members are registered in the subtree. */
    @Transactional(readOnly = true)
    public long countActive(TreePath scope) {
        return jdbc.sql("""
                select count(*) from member m join organisation o on o.id = m.org_id
                where o.path like :scope and m.status = 'ACTIVE'""")
                .param("scope", scope.likePattern()).query(Long.class).single();
    }

    TreePath narrow(TreePath scope, Long orgId) {
        return orgId == null ? scope : organisations.requireInScope(orgId, scope).treePath();
    }

    Member requireInScope(TreePath scope, long id) {
        return repository.findById(id)
                .filter(m -> organisations.find(m.orgId()).map(o -> scope.contains(o.path())).orElse(false))
                .orElseThrow(() -> DomainException.notFound("member.not-found"));
    }

    private MemberView viewOf(Member member) {
        OrganisationView org = organisations.find(member.orgId()).orElseThrow();
        return member.view(org.name(), org.path());
    }

    private void history(Member member, Long fromOrgId, String reason) {
        jdbc.sql("""
                insert into member_status_change (member_id, status, org_id, from_org_id, changed_at, changed_by, reason)
                values (:m, :s, :o, :f, :at, :by, :reason)""")
                .param("m", member.id()).param("s", member.status().name()).param("o", member.orgId())
                .param("f", fromOrgId).param("at", Timestamp.from(Instant.now()))
                .param("by", CurrentUser.current().map(CurrentUser::getUsername).orElse("system"))
                .param("reason", reason == null || reason.isBlank() ? null
                        : reason.substring(0, Math.min(reason.length(), 200)))
                .update();
    }
}
