package org.gonghui.member;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts many checked members in statement batches, with their first history line. Used by imports and
 * demo data, where rows were validated beforehand; a duplicate still fails the whole transaction through
 * the unique indexes.
 */
@Component
class MemberBulkInsert {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final PlatformTime time;

    MemberBulkInsert(JdbcTemplate jdbc, PersonalDataCipher cipher, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Inserts the rows; the card numbers typed for them are added to {@code cards} for the card module. */
    int insert(List<NewMember> rows, String actor, String reason, List<CardNumberEntered> cards) {
        Long before = jdbc.queryForObject("select coalesce(max(id), 0) from member", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> batch = new ArrayList<>(BATCH);
        java.util.Map<String, String> cardByIdHash = new java.util.HashMap<>();
        for (NewMember row : rows) {
            IdNumber id = new IdNumber(row.idNumber());
            PhoneNumber phone = row.phone() == null || row.phone().isBlank() ? null : new PhoneNumber(row.phone());
            LocalDate joined = row.joinedOn() == null ? time.today() : row.joinedOn();
            batch.add(new Object[] {Member.checkedName(row.name()), id.gender().name(), Date.valueOf(id.birthDate()),
                    cipher.encrypt(id.value()), cipher.hash(id.value()), id.masked(),
                    phone == null ? null : cipher.encrypt(phone.value()), phone == null ? null : cipher.hash(phone.value()),
                    phone == null ? null : phone.masked(), row.orgId(), row.type().name(), "ACTIVE", Date.valueOf(joined),
                    Member.maskedCard(row.cardNumber()), now, now});
            if (row.cardNumber() != null && !row.cardNumber().isBlank()) {
                cardByIdHash.put(cipher.hash(id.value()), Member.checkedCard(row.cardNumber()));
            }
            if (batch.size() == BATCH) {
                flush(batch);
            }
        }
        flush(batch);
        jdbc.update("""
                insert into member_status_change (member_id, status, org_id, changed_at, changed_by, reason)
                select id, status, org_id, created_at, ?, ? from member where id > ?""", actor, reason, before);
        if (!cardByIdHash.isEmpty()) {
            jdbc.query("select id, id_number_hash from member where id > ?", rs -> {
                String card = cardByIdHash.get(rs.getString("id_number_hash"));
                if (card != null) {
                    cards.add(new CardNumberEntered(rs.getLong("id"), card));
                }
            }, before);
        }
        return rows.size();
    }

    private void flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into member (name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked,
                  phone_enc, phone_hash, phone_masked, org_id, member_type, status, joined_on, card_number,
                  created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", batch);
        batch.clear();
    }
}
