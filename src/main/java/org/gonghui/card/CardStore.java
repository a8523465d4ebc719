package org.gonghui.card;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The card tables. A number is written sealed (encrypted, keyed hash, masked); the unique constraints on the hash
 * and on {@code live_member_id} make "one card per number" and "one live card per member" hold under concurrency.
 */
@Component
class CardStore {

    private static final String COLUMNS = "id, member_id, number_masked, card_version, status, issued_on, branch, replaces_id";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final PlatformTime time;

    CardStore(JdbcClient jdbc, PersonalDataCipher cipher, PlatformTime time) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.time = time;
    }

    /** Inserts a new card; a number already known or a second live card of the member is refused. */
    Card insert(long memberId, String number, String masked, CardVersion version, CardStatus status,
            LocalDate issuedOn, String branch, Long replacesId) {
        if (numberKnown(number)) {
            throw DomainException.conflict("card.number.taken", masked);
        }
        if (status.isLive() && live(memberId).isPresent()) {
            throw DomainException.conflict("card.member.has-card");
        }
        Timestamp now = Timestamp.from(time.now());
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into card (member_id, live_member_id, number_enc, number_hash, number_masked, number_last4,
                      card_version, status, issued_on, branch, replaces_id, created_at, updated_at, version)
                    values (:m, :live, :enc, :hash, :masked, :last4, :v, :s, :on, :branch, :replaces, :at, :at, 0)""")
                    .param("m", memberId).param("live", status.isLive() ? memberId : null)
                    .param("enc", cipher.encrypt(number)).param("hash", cipher.hash(number)).param("masked", masked)
                    .param("last4", number.substring(number.length() - 4))
                    .param("v", version.name()).param("s", status.name()).param("on", Date.valueOf(issuedOn))
                    .param("branch", branch).param("replaces", replacesId).param("at", now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // the same number or a second live card written at the same moment (on PostgreSQL the transaction is
            // now aborted: no more queries to tell which)
            throw DomainException.conflict("card.concurrent-change");
        }
        return new Card(keys.getKey().longValue(), memberId, masked, version, status, issuedOn, branch, replacesId);
    }

    boolean numberKnown(String number) {
        return jdbc.sql("select count(*) from card where number_hash = :h").param("h", cipher.hash(number))
                .query(Long.class).single() > 0;
    }

    /** Writes the card's status and version; the row is locked by {@link #lock}. */
    void update(Card card) {
        jdbc.sql("""
                update card set status = :s, card_version = :v, live_member_id = :live, updated_at = :at,
                  version = version + 1 where id = :id""")
                .param("s", card.status().name()).param("v", card.version().name())
                .param("live", card.status().isLive() ? card.memberId() : null)
                .param("at", Timestamp.from(time.now())).param("id", card.id()).update();
    }

    Optional<Card> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from card where id = :id").param("id", id).query(this::card).optional();
    }

    /** The card, its row locked until the transaction ends (status changes are serialised per card). */
    Optional<Card> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from card where id = :id for update").param("id", id)
                .query(this::card).optional();
    }

    Optional<Card> live(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from card where live_member_id = :m").param("m", memberId)
                .query(this::card).optional();
    }

    Optional<Card> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from card where number_hash = :h").param("h", cipher.hash(number))
                .query(this::card).optional();
    }

    /** All the member's cards, newest first. */
    List<Card> ofMember(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from card where member_id = :m order by id desc").param("m", memberId)
                .query(this::card).list();
    }

    /** The card's number in clear text (for a bank file or the payee account; callers audit-log it). */
    String number(long cardId) {
        return cipher.decrypt(jdbc.sql("select number_enc from card where id = :id").param("id", cardId)
                .query(String.class).single());
    }

    /** A member's active card with its number in clear text (payee accounts; callers audit-log it). */
    record ActiveNumber(long memberId, long cardId, String numberMasked, String number) {
    }

    /** The active live cards of these members with their numbers, a thousand members a query. */
    List<ActiveNumber> activeNumbers(java.util.Collection<Long> memberIds) {
        List<Long> ids = memberIds.stream().distinct().toList();
        List<ActiveNumber> found = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            found.addAll(jdbc.sql("""
                    select id, member_id, number_masked, number_enc from card
                    where live_member_id in (:ids) and status = 'ACTIVE'""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, n) -> new ActiveNumber(rs.getLong("member_id"), rs.getLong("id"),
                            rs.getString("number_masked"), cipher.decrypt(rs.getString("number_enc")))).list());
        }
        return found;
    }

    void history(Card card, CardEventKind kind, String reason) {
        jdbc.sql("""
                insert into card_event (card_id, kind, status, card_version, at, by_user, reason)
                values (:c, :k, :s, :v, :at, :by, :reason)""")
                .param("c", card.id()).param("k", kind.name()).param("s", card.status().name())
                .param("v", card.version().name()).param("at", Timestamp.from(time.now()))
                .param("by", CurrentUser.current().map(CurrentUser::getUsername).orElse("system"))
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip().substring(0, Math.min(200, reason.strip().length())))
                .update();
    }

    List<CardHistoryLine> historyOf(long cardId) {
        return jdbc.sql("select * from card_event where card_id = :c order by id").param("c", cardId)
                .query((rs, n) -> new CardHistoryLine(CardEventKind.valueOf(rs.getString("kind")),
                        CardStatus.valueOf(rs.getString("status")), CardVersion.valueOf(rs.getString("card_version")),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_user"), rs.getString("reason")))
                .list();
    }

    private Card card(ResultSet rs, int n) throws SQLException {
        return new Card(rs.getLong("id"), rs.getLong("member_id"), rs.getString("number_masked"),
                CardVersion.valueOf(rs.getString("card_version")), CardStatus.valueOf(rs.getString("status")),
                rs.getDate("issued_on").toLocalDate(), rs.getString("branch"), rs.getObject("replaces_id", Long.class));
    }

}
