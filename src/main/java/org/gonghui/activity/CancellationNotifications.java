package org.gonghui.activity;

import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.springframework.context.MessageSource;
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

    private final MemberTexts texts;
    private final MessageSource messages;

    CancellationNotifications(MemberTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ActivityCancelled event) {
        String text = messages.getMessage("activity.sms.cancelled", new Object[] {event.activityTitle()}, CHINESE);
        event.members().forEach(member -> texts.send(member, text));
    }
}
