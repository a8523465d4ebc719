package org.gonghui.payment;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.card.CardStatus;
import org.gonghui.card.Cards;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.BankCardNumbers;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the union pays a member: the account the member gave for payments (stored encrypted, shown masked), else
 * their live 5·1 card's account at the partner bank, else the registry's bank account. A batch freezes the account
 * it used on the payment line.
 */
@Service
public class PayeeAccounts {

    /** Where a payee account came from. */
    public enum Source { OWN, CARD, REGISTRY }

    /** What the member and staff see of the account payments go to. */
    public record PayeeView(Source source, String accountMasked, String bank) {
    }

    /** An account in clear text, for a payment line only (never shown). */
    record Payee(Source source, String account, String masked) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Cards cards;
    private final Members members;
    private final MemberLookup lookup;
    private final AuditLog audit;
    private final PlatformTime time;

    PayeeAccounts(JdbcClient jdbc, PersonalDataCipher cipher, Cards cards, Members members, MemberLookup lookup,
            AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.cards = cards;
        this.members = members;
        this.lookup = lookup;
        this.audit = audit;
        this.time = time;
    }

    /** The member gives (or changes) the account they want to be paid to: a bank card number (check digit). */
    @Transactional
    public PayeeView giveOwn(long memberId, String account, String bank) {
        String digits = account == null ? "" : account.replace(" ", "").strip();
        if (!digits.matches("[0-9]{12,19}") || !BankCardNumbers.isValid(digits)) {
            throw DomainException.invalid("payment.payee.account-invalid");
        }
        String bankName = bank == null ? "" : bank.strip();
        if (bankName.isEmpty() || bankName.length() > 60) {
            throw DomainException.invalid("payment.payee.bank-invalid");
        }
        members.find(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        String masked = Masking.bankAccount(digits);
        Timestamp now = Timestamp.from(time.now());
        int updated = jdbc.sql("""
                update payment_payee set account_enc = :enc, account_masked = :masked, bank = :bank, updated_at = :at
                where member_id = :m""")
                .param("enc", cipher.encrypt(digits)).param("masked", masked).param("bank", bankName).param("at", now)
                .param("m", memberId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into payment_payee (member_id, account_enc, account_masked, bank, updated_at)
                    values (:m, :enc, :masked, :bank, :at)""")
                    .param("enc", cipher.encrypt(digits)).param("masked", masked).param("bank", bankName).param("at", now)
                    .param("m", memberId).update();
        }
        audit.record("payment.payee.own", "member", memberId, masked);
        return new PayeeView(Source.OWN, masked, bankName);
    }

    /** The member removes their own account: payments go to the card (or the registry's account) again. */
    @Transactional
    public void removeOwn(long memberId) {
        if (jdbc.sql("delete from payment_payee where member_id = :m").param("m", memberId).update() > 0) {
            audit.record("payment.payee.own-removed", "member", memberId, null);
        }
    }

    /** The account payments go to now, masked (no reveal, nothing audit-logged). */
    @Transactional(readOnly = true)
    public Optional<PayeeView> current(long memberId) {
        Optional<PayeeView> own = jdbc.sql("select account_masked, bank from payment_payee where member_id = :m")
                .param("m", memberId)
                .query((rs, n) -> new PayeeView(Source.OWN, rs.getString("account_masked"), rs.getString("bank")))
                .optional();
        if (own.isPresent()) {
            return own;
        }
        Optional<PayeeView> card = cards.current(memberId).filter(c -> c.status() == CardStatus.ACTIVE)
                .map(c -> new PayeeView(Source.CARD, c.numberMasked(), null));
        if (card.isPresent()) {
            return card;
        }
        return members.find(memberId).map(MemberView::bankAccountMasked).filter(m -> m != null && !m.isBlank())
                .map(m -> new PayeeView(Source.REGISTRY, m, null));
    }

    Optional<String> currentMasked(long memberId) {
        return current(memberId).map(PayeeView::accountMasked);
    }

    /**
     * The payee of each member, in clear text for a payment line, in bulk (a thousand members a query): own
     * accounts, then the active 5·1 card's account, then the registry's. Members without any are left out.
     */
    Map<Long, Payee> resolveAll(Collection<Long> memberIds) {
        List<Long> ids = memberIds.stream().distinct().toList();
        Map<Long, Payee> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += Entitlements.CHUNK) {
            jdbc.sql("select member_id, account_enc, account_masked from payment_payee where member_id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + Entitlements.CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getLong("member_id"), new Payee(Source.OWN,
                            cipher.decrypt(rs.getString("account_enc")), rs.getString("account_masked"))))
                    .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        List<Long> withoutOwn = ids.stream().filter(id -> !found.containsKey(id)).toList();
        cards.payeeAccounts(withoutOwn).forEach((id, card) ->
                found.put(id, new Payee(Source.CARD, card.accountNumber(), card.accountMasked())));
        List<Long> rest = withoutOwn.stream().filter(id -> !found.containsKey(id)).toList();
        lookup.bankAccounts(rest).forEach((id, account) ->
                found.put(id, new Payee(Source.REGISTRY, account, Masking.bankAccount(account))));
        return found;
    }
}
