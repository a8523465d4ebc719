package org.gonghui.modelworker.archive;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gonghui.account.MemberTexts;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds linked retirees by text message that their yearly attestation runs out within
 * {@code gonghui.modelworker.attestation-reminder-days} (30) days: once per due date (the date reminded for is kept
 * on the record and claimed with a conditional update, so two instances or two days never text twice).
 */
@Component
public class AttestationReminders {

    private static final Logger log = LoggerFactory.getLogger(AttestationReminders.class);

    private final JdbcClient jdbc;
    private final MemberTexts texts;
    private final MessageSource messages;
    private final PlatformTime time;
    private final int days;

    AttestationReminders(JdbcClient jdbc, MemberTexts texts, MessageSource messages, PlatformTime time,
            @Value("${gonghui.modelworker.attestation-reminder-days:30}") int days) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.messages = messages;
        this.time = time;
        this.days = days;
    }

    @Scheduled(cron = "${gonghui.modelworker.attestation-reminder-cron:0 0 9 * * *}", zone = "${gonghui.zone}")
    @SchedulerLock(name = "modelworker-attestation-reminders", lockAtMostFor = "PT30M")
    void daily() {
        try {
            int sent = remind();
            if (sent > 0) {
                log.info("attestation reminders sent: {}", sent);
            }
        } catch (RuntimeException e) {
            log.warn("attestation reminders failed; next run tomorrow", e);
        }
    }

    /** Texts every linked retiree due within the window who was not reminded for this due date; returns how many. */
    public int remind() {
        LocalDate today = time.today();
        record Due(long id, long memberId, LocalDate until) {
        }
        List<Due> due = jdbc.sql("""
                select id, member_id, attested_until from model_worker
                where attested_until <= :limit and retired_on is not null and deceased_on is null and revoked_on is null
                  and member_id is not null and (reminded_for is null or reminded_for <> attested_until)""")
                .param("limit", Date.valueOf(today.plusDays(days)))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("member_id"),
                        rs.getDate("attested_until").toLocalDate())).list();
        int sent = 0;
        for (Due d : due) {
            int claimed = jdbc.sql("""
                    update model_worker set reminded_for = attested_until where id = :id and attested_until = :until
                      and (reminded_for is null or reminded_for <> attested_until)""")
                    .param("id", d.id()).param("until", Date.valueOf(d.until())).update();
            if (claimed == 1) {
                texts.send(d.memberId(), messages.getMessage(d.until().isBefore(today) ? "modelworker.sms.overdue"
                        : "modelworker.sms.due", new Object[] {d.until().toString()}, Locale.SIMPLIFIED_CHINESE));
                sent++;
            }
        }
        return sent;
    }
}
