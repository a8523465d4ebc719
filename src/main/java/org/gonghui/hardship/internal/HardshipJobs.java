package org.gonghui.hardship.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gonghui.account.MemberTexts;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.files.DocumentStore;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The archive's daily jobs, each on one instance at a time (ShedLock): reminders of yearly reviews falling due (the
 * member is texted once per due day; staff see them under the "review due" filter) and retention — a configured
 * number of years after leaving (or after a rejected application) an archive is anonymised: household, figures,
 * reasons and documents go, the member's link too; status, tier, organisation and dates stay for the figures.
 */
@Component
public class HardshipJobs {

    private static final Logger log = LoggerFactory.getLogger(HardshipJobs.class);

    private final JdbcClient jdbc;
    private final HardshipProperties properties;
    private final MemberTexts texts;
    private final DocumentStore store;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    HardshipJobs(JdbcClient jdbc, HardshipProperties properties, MemberTexts texts, DocumentStore store, AuditLog audit,
            PlatformTime time, MessageSource messages) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.texts = texts;
        this.store = store;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    @Scheduled(cron = "${gonghui.hardship.jobs-cron:0 30 7 * * *}", zone = "${gonghui.zone}")
    @SchedulerLock(name = "hardship-daily", lockAtMostFor = "PT30M")
    void daily() {
        try {
            int reminded = remind();
            int anonymised = anonymise();
            log.info("hardship archive: {} reviews reminded, {} archives anonymised", reminded, anonymised);
        } catch (RuntimeException e) {
            log.warn("hardship daily job failed; will retry tomorrow", e);
        }
    }

    private record Due(long id, long memberId, LocalDate due) {
    }

    /** Texts each member whose review falls due within the configured days, once per due day. */
    @Transactional
    public int remind() {
        LocalDate today = time.today();
        List<Due> due = jdbc.sql("""
                select id, member_id, review_due from hardship_archive where status = 'APPROVED' and review_due <= :until
                  and member_id is not null and (reminded_due is null or reminded_due <> review_due)""")
                .param("until", Date.valueOf(today.plusDays(properties.remindDays())))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate())).list();
        for (Due d : due) {
            jdbc.sql("update hardship_archive set reminded_due = review_due where id = :id").param("id", d.id()).update();
            texts.send(d.memberId(), messages.getMessage("hardship.sms.review-due",
                    new Object[] {String.format("KN%08d", d.id()), d.due().toString()}, java.util.Locale.SIMPLIFIED_CHINESE));
        }
        return due.size();
    }

    /** Anonymises archives left (or rejected) longer ago than the retention period. */
    @Transactional
    public int anonymise() {
        LocalDate limit = time.today().minusYears(properties.retentionYears());
        List<Long> ids = jdbc.sql("""
                select id from hardship_archive where anonymised_at is null
                  and (status = 'LEFT' and left_on < :limit or status = 'REJECTED' and applied_at < :at)""")
                .param("limit", Date.valueOf(limit)).param("at", Timestamp.from(time.startOf(limit)))
                .query(Long.class).list();
        for (Long id : ids) {
            List<String> keys = jdbc.sql("select doc_key from hardship_document where archive_id = :id").param("id", id)
                    .query(String.class).list();
            jdbc.sql("delete from hardship_document where archive_id = :id").param("id", id).update();
            jdbc.sql("update hardship_review_item set figures_enc = null where archive_id = :id").param("id", id).update();
            jdbc.sql("update hardship_step set reason = null where archive_id = :id").param("id", id).update();
            jdbc.sql("""
                    update hardship_archive set member_id = null, household_enc = null, decision_enc = null,
                      left_reason = null, anonymised_at = :at where id = :id""")
                    .param("at", Timestamp.from(time.now())).param("id", id).update();
            afterCommit(() -> keys.forEach(key -> store.delete(ArchiveRecords.DOCUMENTS, key)));
            audit.record("system", null, "hardship.anonymise", "hardship_archive", id, null);
        }
        return ids.size();
    }

    /** Files go only once the rows are gone for good: a rolled-back run leaves every document in place. */
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
}
