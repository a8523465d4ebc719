package org.gonghui.content;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.gonghui.member.MemberLookup;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Telling an article's audience about it, in the background: publishing only writes a job row; the push job walks the
 * audience by member id in batches. At most one notice per member and article, held by the primary key of
 * {@code content_push_delivery}: a batch's rows are written with the job's next member id in one transaction (a
 * crash repeats nothing and loses nothing: the job resumes after the last committed batch), a row is claimed
 * {@code PENDING → SENDING} before its notice goes out and settled {@code SENT} or {@code FAILED} after; a row found
 * {@code SENDING} by a restarted job may or may not have gone out, so it becomes {@code FAILED} and is never sent
 * again. Members who opted out, and members without a phone, are {@code SKIPPED}. Each link carries a random token
 * that counts the member's opening.
 */
@Service
public class Pushes {

    private static final Logger log = LoggerFactory.getLogger(Pushes.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final MemberLookup members;
    private final PushSender sender;
    private final AuditLog audit;
    private final PlatformTime time;
    private final TransactionTemplate tx;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();
    /** One runner per process at a time; the job's ShedLock keeps other instances out. */
    private final ReentrantLock running = new ReentrantLock();

    Pushes(JdbcClient jdbc, MemberLookup members, PushSender sender, AuditLog audit, PlatformTime time,
            TransactionTemplate tx, @Value("${gonghui.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.members = members;
        this.sender = sender;
        this.audit = audit;
        this.time = time;
        this.tx = tx;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Starts the push of a just-published article (within the publishing transaction; nothing is sent here). */
    void start(long articleId) {
        jdbc.sql("""
                insert into content_push_job (article_id, status, next_member_id, sent, skipped, failed, started_at)
                values (:a, 'RUNNING', 0, 0, 0, 0, :now)""")
                .param("a", articleId).param("now", Timestamp.from(time.now())).update();
    }

    /** Runs every unfinished push to its end (the push job; tests call it directly). */
    public void runPending() {
        running.lock();
        try {
            List<Long> jobs = jdbc.sql("select article_id from content_push_job where status = 'RUNNING' order by article_id")
                    .query(Long.class).list();
            for (long articleId : jobs) {
                settleInterrupted(articleId);
                while (tx.execute(status -> batch(articleId))) {
                    sendPending(articleId);
                }
                sendPending(articleId);
                finish(articleId);
            }
        } finally {
            running.unlock();
        }
    }

    /** A push's progress, for an editor whose subtree holds the article. */
    @Transactional(readOnly = true)
    public Optional<PushProgress> progress(CurrentUser editor, long articleId) {
        jdbc.sql("select owner_path from content_article where id = :a").param("a", articleId)
                .query(String.class).optional().filter(editor::covers)
                .orElseThrow(() -> DomainException.notFound("content.article.not-found"));
        return progressOf(articleId);
    }

    Optional<PushProgress> progressOf(long articleId) {
        int opened = jdbc.sql("select count(*) from content_push_delivery where article_id = :a and opened_at is not null")
                .param("a", articleId).query(Integer.class).single();
        return jdbc.sql("select * from content_push_job where article_id = :a").param("a", articleId)
                .query((rs, n) -> new PushProgress(articleId, rs.getString("status"), rs.getInt("sent"),
                        rs.getInt("skipped"), rs.getInt("failed"), opened, ArticleStore.instant(rs, "started_at"),
                        ArticleStore.instant(rs, "finished_at")))
                .optional();
    }

    /** The member's portal setting: no pushed notices. */
    @Transactional
    public void optOut(long memberId, boolean out) {
        jdbc.sql("delete from content_push_opt_out where member_id = :m").param("m", memberId).update();
        if (out) {
            jdbc.sql("insert into content_push_opt_out (member_id, since) values (:m, :now)")
                    .param("m", memberId).param("now", Timestamp.from(time.now())).update();
        }
    }

    @Transactional(readOnly = true)
    public boolean optedOut(long memberId) {
        return jdbc.sql("select count(*) from content_push_opt_out where member_id = :m").param("m", memberId)
                .query(Integer.class).single() > 0;
    }

    /** Records that the member opened the pushed link (the token must be theirs, for this article). */
    @Transactional
    void opened(long articleId, long memberId, String token) {
        if (token == null || token.length() != 32) {
            return;
        }
        jdbc.sql("""
                update content_push_delivery set opened_at = :now
                where token = :t and article_id = :a and member_id = :m and opened_at is null""")
                .param("now", Timestamp.from(time.now())).param("t", token).param("a", articleId)
                .param("m", memberId).update();
    }

    /** Writes the next batch of the audience as deliveries and moves the job on; false when the audience is done. */
    private boolean batch(long articleId) {
        var job = jdbc.sql("select next_member_id, status from content_push_job where article_id = :a for update")
                .param("a", articleId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).single();
        var article = jdbc.sql("select status, audience_path, audience_types from content_article where id = :a")
                .param("a", articleId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        if (!"RUNNING".equals(job.getValue())) {
            return false;
        }
        List<MemberLookup.Reachable> batch = "PUBLISHED".equals(article[0])
                ? members.activeUnder(article[1], Audience.parseTypes(article[2]), job.getKey(), BATCH) : List.of();
        if (batch.isEmpty()) {
            return false;
        }
        Set<Long> optedOut = Set.copyOf(jdbc.sql("select member_id from content_push_opt_out where member_id in (:ids)")
                .param("ids", batch.stream().map(MemberLookup.Reachable::memberId).toList()).query(Long.class).list());
        int skipped = 0;
        for (MemberLookup.Reachable member : batch) {
            boolean skip = optedOut.contains(member.memberId());
            skipped += skip ? 1 : 0;
            jdbc.sql("""
                    insert into content_push_delivery (article_id, member_id, org_path, token, status, reason)
                    values (:a, :m, :path, :token, :status, :reason)""")
                    .param("a", articleId).param("m", member.memberId()).param("path", member.orgPath())
                    .param("token", token()).param("status", skip ? "SKIPPED" : "PENDING")
                    .param("reason", skip ? "OPTED_OUT" : null).update();
        }
        jdbc.sql("update content_push_job set next_member_id = :next, skipped = skipped + :skipped where article_id = :a")
                .param("next", batch.get(batch.size() - 1).memberId()).param("skipped", skipped)
                .param("a", articleId).update();
        return true;
    }

    /** The audience is walked and every notice settled: the job is done (a withdrawn article's rest is skipped). */
    private void finish(long articleId) {
        tx.executeWithoutResult(status -> {
            int withdrawn = jdbc.sql("""
                    update content_push_delivery set status = 'SKIPPED', reason = 'WITHDRAWN'
                    where article_id = :a and status = 'PENDING'""").param("a", articleId).update();
            jdbc.sql("""
                    update content_push_job set status = 'DONE', finished_at = :now, skipped = skipped + :n
                    where article_id = :a and status = 'RUNNING'""")
                    .param("now", Timestamp.from(time.now())).param("n", withdrawn).param("a", articleId).update();
        });
    }

    /** Sends the article's pending notices: claim, send, settle; nothing more once the article is withdrawn. */
    private void sendPending(long articleId) {
        String title = jdbc.sql("select title from content_article where id = :a").param("a", articleId)
                .query(String.class).single();
        while (isPublished(articleId)) {
            List<Map.Entry<Long, String>> claimed = tx.execute(status -> claim(articleId));
            if (claimed.isEmpty()) {
                return;
            }
            Map<Long, String> phones = members.phones(claimed.stream().map(Map.Entry::getKey).toList());
            Map<Long, String[]> outcomes = new HashMap<>();
            for (var member : claimed) {
                String link = publicUrl + ArticleLinks.path(articleId) + "?t=" + member.getValue();
                try {
                    PushSender.Outcome outcome = sender.send(new PushMessage(member.getKey(),
                            phones.get(member.getKey()), articleId, title, link));
                    outcomes.put(member.getKey(), outcome == PushSender.Outcome.SENT
                            ? new String[] {"SENT", null} : new String[] {"SKIPPED", "NO_ADDRESS"});
                } catch (RuntimeException e) {
                    log.warn("push of article {} to member {} failed: {}", articleId, member.getKey(), e.getMessage());
                    outcomes.put(member.getKey(), new String[] {"FAILED", "SENDER"});
                }
            }
            tx.executeWithoutResult(status -> settle(articleId, outcomes));
        }
    }

    private boolean isPublished(long articleId) {
        return jdbc.sql("select count(*) from content_article where id = :a and status = 'PUBLISHED'")
                .param("a", articleId).query(Integer.class).single() > 0;
    }

    private List<Map.Entry<Long, String>> claim(long articleId) {
        List<Map.Entry<Long, String>> rows = jdbc.sql("""
                select member_id, token from content_push_delivery where article_id = :a and status = 'PENDING'
                order by member_id fetch first :n rows only""")
                .param("a", articleId).param("n", BATCH)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        List<Map.Entry<Long, String>> claimed = new ArrayList<>();
        for (var row : rows) {
            if (jdbc.sql("""
                    update content_push_delivery set status = 'SENDING'
                    where article_id = :a and member_id = :m and status = 'PENDING'""")
                    .param("a", articleId).param("m", row.getKey()).update() == 1) {
                claimed.add(row);
            }
        }
        return claimed;
    }

    private void settle(long articleId, Map<Long, String[]> outcomes) {
        Timestamp now = Timestamp.from(time.now());
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (var outcome : outcomes.entrySet()) {
            String status = outcome.getValue()[0];
            jdbc.sql("""
                    update content_push_delivery set status = :s, reason = :r, sent_at = :now
                    where article_id = :a and member_id = :m and status = 'SENDING'""")
                    .param("s", status).param("r", outcome.getValue()[1])
                    .param("now", "SENT".equals(status) ? now : null).param("a", articleId)
                    .param("m", outcome.getKey()).update();
            sent += "SENT".equals(status) ? 1 : 0;
            skipped += "SKIPPED".equals(status) ? 1 : 0;
            failed += "FAILED".equals(status) ? 1 : 0;
        }
        jdbc.sql("""
                update content_push_job set sent = sent + :sent, skipped = skipped + :skipped, failed = failed + :failed
                where article_id = :a""")
                .param("sent", sent).param("skipped", skipped).param("failed", failed).param("a", articleId).update();
        audit.record("system", null, "content.push.batch", "content_article", articleId,
                "sent=" + sent + " skipped=" + skipped + " failed=" + failed);
    }

    /** Rows a crash left between claim and settle: their notice may have gone out, so they are never sent again. */
    private void settleInterrupted(long articleId) {
        tx.executeWithoutResult(status -> {
            int lost = jdbc.sql("""
                    update content_push_delivery set status = 'FAILED', reason = 'INTERRUPTED'
                    where article_id = :a and status = 'SENDING'""").param("a", articleId).update();
            if (lost > 0) {
                jdbc.sql("update content_push_job set failed = failed + :n where article_id = :a")
                        .param("n", lost).param("a", articleId).update();
            }
        });
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
