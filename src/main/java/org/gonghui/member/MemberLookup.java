package org.gonghui.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk look-ups of members for other modules: by ID number for imports of staff lists (e.g. collective
 * mutual-aid enrolment), by id for staff lists of registrations; thousands of rows in a few indexed queries,
 * without decrypting anything. Unscoped: callers apply their own scope to the organisations returned.
 */
@Service
public class MemberLookup {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    MemberLookup(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** What an import needs to know about a member found by ID number. */
    public record Found(long memberId, long orgId, MemberType type, Gender gender, LocalDate birthDate,
            MemberStatus status) {
    }

    /** What a staff list shows of a member: name, organisation and the masked phone (never a clear value). */
    public record Listed(long memberId, String name, long orgId, String orgName, String orgPath, String phoneMasked) {
    }

    /**
     * The members with these ids, keyed by id, in one query per thousand ids. Unscoped: callers show only those
     * whose {@code orgPath} lies in the staff user's scope.
     */
    @Transactional(readOnly = true)
    public Map<Long, Listed> byIds(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        Map<Long, Listed> found = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            jdbc.sql("""
                    select m.id, m.name, m.org_id, m.phone_masked, o.name as org_name, o.path as org_path
                    from member m join organisation o on o.id = m.org_id where m.id in (:ids)""")
                    .param("ids", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
                    .query((rs, n) -> new Listed(rs.getLong("id"), rs.getString("name"), rs.getLong("org_id"),
                            rs.getString("org_name"), rs.getString("org_path"), rs.getString("phone_masked")))
                    .list().forEach(listed -> found.put(listed.memberId(), listed));
        }
        return found;
    }

    /**
     * The ID numbers of these members in clear text, keyed by member id, a thousand a query: only for a file a
     * partner must have (the insurer's policy list). Callers audit-log the file they write.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> idNumbers(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        Map<Long, String> found = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            jdbc.sql("select id, id_number_enc from member where id in (:ids)")
                    .param("ids", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getLong("id"), cipher.decrypt(rs.getString("id_number_enc"))))
                    .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /**
     * The registry's bank accounts of these members in clear text, keyed by member id (members without one are
     * left out), a thousand a query: only for the payment engine's bank file, which audit-logs what it writes.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> bankAccounts(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        Map<Long, String> found = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            jdbc.sql("select id, bank_account_enc from member where bank_account_enc is not null and id in (:ids)")
                    .param("ids", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getLong("id"), cipher.decrypt(rs.getString("bank_account_enc"))))
                    .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** The members with these ID numbers (as typed; checked and normalised here), keyed by the normalised number. */
    @Transactional(readOnly = true)
    public Map<String, Found> byIdNumbers(Collection<String> idNumbers) {
        Map<String, String> numberByHash = new HashMap<>();
        for (String raw : idNumbers) {
            if (raw != null && IdNumber.isValid(raw.trim())) {
                String value = new IdNumber(raw.trim()).value();
                numberByHash.put(cipher.hash(value), value);
            }
        }
        Map<String, Found> found = new HashMap<>();
        List<String> hashes = new ArrayList<>(numberByHash.keySet());
        for (int i = 0; i < hashes.size(); i += CHUNK) {
            jdbc.sql("""
                    select id, org_id, member_type, gender, birth_date, status, id_number_hash from member
                    where id_number_hash in (:hashes)""")
                    .param("hashes", hashes.subList(i, Math.min(hashes.size(), i + CHUNK)))
                    .query((rs, n) -> Map.entry(numberByHash.get(rs.getString("id_number_hash")),
                            new Found(rs.getLong("id"), rs.getLong("org_id"), MemberType.valueOf(rs.getString("member_type")),
                                    Gender.valueOf(rs.getString("gender")), rs.getDate("birth_date").toLocalDate(),
                                    MemberStatus.valueOf(rs.getString("status")))))
                    .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /**
     * A member as {@link Members#find} shows them (masked values only), in one indexed query without the
     * repository's mapping: for hot paths such as a registration rush.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<MemberView> view(long memberId) {
        return jdbc.sql("""
                select m.id, m.name, m.gender, m.birth_date, m.id_number_masked, m.phone_masked, m.bank_account_masked,
                  m.org_id, o.name as org_name, o.path as org_path, m.member_type, m.status, m.joined_on, m.card_number
                from member m join organisation o on o.id = m.org_id where m.id = :id""")
                .param("id", memberId)
                .query((rs, n) -> new MemberView(rs.getLong("id"), rs.getString("name"),
                        Gender.valueOf(rs.getString("gender")), rs.getDate("birth_date").toLocalDate(),
                        rs.getString("id_number_masked"), rs.getString("phone_masked"),
                        rs.getString("bank_account_masked"), rs.getLong("org_id"), rs.getString("org_name"),
                        rs.getString("org_path"), MemberType.valueOf(rs.getString("member_type")),
                        MemberStatus.valueOf(rs.getString("status")), rs.getDate("joined_on").toLocalDate(),
                        rs.getString("card_number") == null ? null
                                : org.gonghui.shared.crypto.Masking.bankAccount(rs.getString("card_number"))))
                .optional();
    }

    /** An active member reached by a message to a subtree: id and the organisation's path. */
    public record Reachable(long memberId, String orgPath) {
    }

    /**
     * Active members of these types in the subtree with ids above {@code afterId}, by id, at most {@code limit}:
     * a keyset walk for notifying an audience batch by batch (resumable from the last id).
     */
    @Transactional(readOnly = true)
    public List<Reachable> activeUnder(String subtreePath, Collection<MemberType> types, long afterId, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select m.id, o.path from member m join organisation o on o.id = m.org_id
                where m.id > :after and m.status = 'ACTIVE' and m.member_type in (:types) and o.path like :path
                order by m.id fetch first :limit rows only""")
                .param("after", afterId).param("types", types.stream().map(Enum::name).toList())
                .param("path", org.gonghui.shared.LikePattern.startingWith(subtreePath)).param("limit", limit)
                .query((rs, n) -> new Reachable(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * The phone numbers of these members in clear text, keyed by member id (members without a phone are absent):
     * only to send them a message. Callers audit-log the messages they send.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> phones(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        Map<Long, String> found = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            jdbc.sql("select id, phone_enc from member where phone_enc is not null and id in (:ids)")
                    .param("ids", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getLong("id"), cipher.decrypt(rs.getString("phone_enc"))))
                    .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }
}
