package org.gonghui.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 5·1 card's use cases and the module's API. Staff calls take the staff user's {@link TreePath}: a card whose
 * member lies outside it is "not found". Member calls take the signed-in member's id and act only on their own
 * card. Every change is written to the card's history and the registry's masked copy is kept in step.
 */
@Service
public class Cards {

    private final CardStore store;
    private final Members members;
    private final MemberLookup lookup;
    private final AuditLog audit;
    private final PlatformTime time;
    private final String bank;

    Cards(CardStore store, Members members, MemberLookup lookup, AuditLog audit, PlatformTime time,
            @Value("${gonghui.card.bank:宁波银行}") String bank) {
        this.store = store;
        this.members = members;
        this.lookup = lookup;
        this.audit = audit;
        this.time = time;
        this.bank = bank;
    }

    /** The member's live card (issued, active or reported lost), if any. */
    @Transactional(readOnly = true)
    public Optional<CardView> current(long memberId) {
        return store.live(memberId).map(Card::view);
    }

    /** The active card with this number typed at a till, if any (the number is checked like a bank card first). */
    @Transactional(readOnly = true)
    public Optional<CardView> activeByNumber(String typed) {
        if (typed == null || !org.gonghui.shared.BankCardNumbers.isValid(typed.strip())) {
            return Optional.empty();
        }
        return store.byNumber(typed.strip()).filter(c -> c.status() == CardStatus.ACTIVE).map(Card::view);
    }

    /** A card by id for staff; a card of a member outside the scope is not found. */
    @Transactional(readOnly = true)
    public CardView find(TreePath scope, long cardId) {
        return inScope(scope, cardId).view();
    }

    /** The member's cards, newest first, for staff; a member outside the scope is not found. */
    @Transactional(readOnly = true)
    public List<CardView> ofMember(TreePath scope, long memberId) {
        memberInScope(scope, memberId);
        return store.ofMember(memberId).stream().map(Card::view).toList();
    }

    /** The member's own cards, newest first. */
    @Transactional(readOnly = true)
    public List<CardView> own(long memberId) {
        return store.ofMember(memberId).stream().map(Card::view).toList();
    }

    @Transactional(readOnly = true)
    public List<CardHistoryLine> history(TreePath scope, long cardId) {
        return store.historyOf(inScope(scope, cardId).id());
    }

    /** The history of one of the member's own cards; another member's card is not found. */
    @Transactional(readOnly = true)
    public List<CardHistoryLine> ownHistory(long memberId, long cardId) {
        Card card = store.find(cardId).filter(c -> c.memberId() == memberId)
                .orElseThrow(() -> DomainException.notFound("card.not-found"));
        return store.historyOf(card.id());
    }

    /**
     * Where the union pays the member: the account of their active card at the partner bank, in clear text for
     * the payment engine's bank file. Each call is audit-logged.
     */
    @Transactional
    public Optional<PayeeAccount> payeeAccount(long memberId) {
        Optional<Card> card = store.live(memberId).filter(c -> c.status() == CardStatus.ACTIVE);
        card.ifPresent(c -> audit.record("card.payee-account", "card", c.id(), null));
        return card.map(c -> new PayeeAccount(memberId, c.id(), store.number(c.id()), c.view().numberMasked(), bank));
    }

    /**
     * {@link #payeeAccount} for many members at once (a payment batch), a thousand a query: the members with an
     * active card, keyed by member id. One audit record for the call, with the number of accounts it revealed.
     */
    @Transactional
    public java.util.Map<Long, PayeeAccount> payeeAccounts(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, PayeeAccount> accounts = new java.util.HashMap<>();
        for (CardStore.ActiveNumber card : store.activeNumbers(memberIds)) {
            accounts.put(card.memberId(), new PayeeAccount(card.memberId(), card.cardId(), card.number(),
                    card.numberMasked(), bank));
        }
        if (!accounts.isEmpty()) {
            audit.record("card.payee-accounts", "card", null, accounts.size() + " accounts");
        }
        return accounts;
    }

    /** The member reports their own card lost: it cannot be used (nor its dynamic code) until found or replaced. */
    @Transactional
    public CardView reportOwnLost(long memberId, String reason) {
        Card card = store.live(memberId).orElseThrow(() -> DomainException.notFound("card.none"));
        return move(store.lock(card.id()).orElseThrow(), CardStatus.REPORTED_LOST, reason);
    }

    /** The member activates the card the bank issued to them. */
    @Transactional
    public CardView activateOwn(long memberId) {
        Card card = store.live(memberId).orElseThrow(() -> DomainException.notFound("card.none"));
        return move(store.lock(card.id()).orElseThrow(), CardStatus.ACTIVE, null);
    }

    @Transactional
    public CardView activate(TreePath scope, long cardId, String reason) {
        return move(locked(scope, cardId), CardStatus.ACTIVE, reason);
    }

    @Transactional
    public CardView reportLost(TreePath scope, long cardId, String reason) {
        return move(locked(scope, cardId), CardStatus.REPORTED_LOST, reason);
    }

    @Transactional
    public CardView cancel(TreePath scope, long cardId, String reason) {
        return move(locked(scope, cardId), CardStatus.CANCELLED, reason);
    }

    /** 2.0 → 3.0 on the same card: transit payment and 蓝领通 loans. */
    @Transactional
    public CardView upgrade(TreePath scope, long cardId, String reason) {
        Card card = locked(scope, cardId);
        CardEventKind kind = card.upgrade();
        store.update(card);
        store.history(card, kind, reason);
        audit.record("card.upgrade", "card", card.id(), null);
        return card.view();
    }

    /**
     * Replaces a card (lost, damaged, or at the member's wish) by a new number the bank issued: the old card is
     * REPLACED, the new one ACTIVE (handed over at the counter) with the same version.
     */
    @Transactional
    public CardView replace(TreePath scope, long cardId, String newNumber, String reason) {
        CardNumber number = new CardNumber(newNumber);
        Card old = locked(scope, cardId);
        move(old, CardStatus.REPLACED, reason);
        Card card = store.insert(old.memberId(), number.value(), number.masked(), old.version(), CardStatus.ACTIVE,
                time.today(), old.view().branch(), old.id());
        store.history(card, CardEventKind.ISSUED, reason);
        audit.record("card.replace", "card", card.id(), "replaces " + old.id());
        members.showCard(card.memberId(), number.masked());
        return card.view();
    }

    /** Issues a card to a member who holds no live card (the bank's issuance file, or a number entered in the registry). */
    Card issue(long memberId, CardNumber number, CardVersion version, CardStatus status, LocalDate issuedOn,
            String branch, CardEventKind kind, String reason) {
        Card card = store.insert(memberId, number.value(), number.masked(), version, status, issuedOn, branch, null);
        store.history(card, kind, reason);
        members.showCard(memberId, number.masked());
        return card;
    }

    private CardView move(Card card, CardStatus target, String reason) {
        CardEventKind kind = card.moveTo(target);
        store.update(card);
        store.history(card, kind, reason);
        audit.record("card." + kind.name().toLowerCase(java.util.Locale.ROOT), "card", card.id(), null);
        members.showCard(card.memberId(), target.isLive() ? card.view().numberMasked()
                : store.live(card.memberId()).map(c -> c.view().numberMasked()).orElse(null));
        return card.view();
    }

    private Card inScope(TreePath scope, long cardId) {
        Card card = store.find(cardId).orElseThrow(() -> DomainException.notFound("card.not-found"));
        memberInScope(scope, card.memberId(), "card.not-found");
        return card;
    }

    private Card locked(TreePath scope, long cardId) {
        inScope(scope, cardId);
        return store.lock(cardId).orElseThrow();
    }

    MemberView memberInScope(TreePath scope, long memberId) {
        return memberInScope(scope, memberId, "member.not-found");
    }

    private MemberView memberInScope(TreePath scope, long memberId, String notFound) {
        return lookup.view(memberId).filter(m -> scope.contains(m.orgPath()))
                .orElseThrow(() -> DomainException.notFound(notFound));
    }
}
