package org.gonghui.card;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The batched side of an issuance import: look-ups a thousand values a query, cards written a thousand rows a
 * batch, their history lines in one insert-select.
 */
@Component
class IssuanceStore {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonalDataCipher cipher;
    private final PlatformTime time;

    IssuanceStore(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher, PlatformTime time) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
        this.time = time;
    }

    /** The numbers among these (clear, valid) that belong to a card already. */
    Set<String> knownNumbers(Collection<String> numbers) {
        Map<String, String> byHash = new HashMap<>();
        numbers.forEach(number -> byHash.put(cipher.hash(number), number));
        List<String> hashes = new ArrayList<>(byHash.keySet());
        Set<String> known = new HashSet<>();
        for (int i = 0; i < hashes.size(); i += CHUNK) {
            jdbc.sql("select number_hash from card where number_hash in (:h)")
                    .param("h", hashes.subList(i, Math.min(hashes.size(), i + CHUNK))).query(String.class).list()
                    .forEach(hash -> known.add(byHash.get(hash)));
        }
        return known;
    }

    /** The members among these who hold a live card. */
    Set<Long> holdingLiveCard(Collection<Long> memberIds) {
        List<Long> ids = new ArrayList<>(memberIds);
        Set<Long> holding = new HashSet<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            holding.addAll(jdbc.sql("select live_member_id from card where live_member_id in (:m)")
                    .param("m", ids.subList(i, Math.min(ids.size(), i + CHUNK))).query(Long.class).list());
        }
        return holding;
    }

    /** Writes the batch, its ISSUED cards and their history; returns the batch id. */
    long issue(String fileName, List<CardIssuance.Issue> issues) {
        Timestamp now = Timestamp.from(time.now());
        String by = CurrentUser.current().map(CurrentUser::getUsername).orElse("system");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into card_issue_batch (file_name, lines, imported_at, by_user) values (:f, :n, :at, :by)")
                .param("f", fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())))
                .param("n", issues.size()).param("at", now).param("by", by).update(keys, "id");
        long batchId = keys.getKey().longValue();
        List<Object[]> rows = new ArrayList<>(issues.size());
        for (CardIssuance.Issue issue : issues) {
            String number = issue.number().value();
            rows.add(new Object[] {issue.memberId(), issue.memberId(), cipher.encrypt(number), cipher.hash(number),
                issue.number().masked(), number.substring(number.length() - 4), issue.version().name(),
                CardStatus.ISSUED.name(), Date.valueOf(issue.issuedOn()), issue.branch(), now, now, batchId});
        }
        try {
            for (int i = 0; i < rows.size(); i += CHUNK) {
                batch.batchUpdate("""
                        insert into card (member_id, live_member_id, number_enc, number_hash, number_masked, number_last4,
                          card_version, status, issued_on, branch, created_at, updated_at, version, issue_batch_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", rows.subList(i, Math.min(rows.size(), i + CHUNK)));
            }
        } catch (DuplicateKeyException e) {
            // a card written meanwhile for one of these members or numbers: nothing of this file is kept
            throw DomainException.conflict("card.concurrent-change");
        }
        jdbc.sql("""
                insert into card_event (card_id, kind, status, card_version, at, by_user, reason)
                select id, 'ISSUED', status, card_version, :at, :by, :reason from card where issue_batch_id = :b""")
                .param("at", now).param("by", by).param("reason", fileName == null ? null
                        : ("file " + fileName).substring(0, Math.min(200, ("file " + fileName).length())))
                .param("b", batchId).update();
        return batchId;
    }
}
