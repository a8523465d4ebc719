package org.gonghui.activity;

import java.util.List;
import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells every member who holds a place, an entry, an offer or a waitlist position in a cancelled activity, by
 * text message. Runs after the cancellation is committed, on its own thread (a popular activity has thousands to
 * tell); the event publication registry retries it if the service stops before it is done.
 */
@Component
class CancellationNotifications {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final MemberTexts texts;
    private final MessageSource messages;

    CancellationNotifications(JdbcClient jdbc, MemberTexts texts, MessageSource messages) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ActivityCancelled event) {
        List<Long> told = jdbc.sql("""
                select member_id from registration
                where activity_id = :a and status in ('CONFIRMED', 'OFFERED', 'ENTERED', 'WAITLISTED')
                order by id""").param("a", event.activityId()).query(Long.class).list();
        String text = messages.getMessage("activity.sms.cancelled", new Object[] {event.activityTitle()}, CHINESE);
        told.forEach(member -> texts.send(member, text));
    }
}
