package org.gonghui.activity;

import java.time.LocalDateTime;
import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What members are told about their registrations by text message, always after the change is committed; a
 * failed message never undoes it (members also see it on My activities).
 */
@Component
class ActivityTexts {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MemberTexts texts;
    private final MessageSource messages;
    private final PlatformTime time;

    ActivityTexts(MemberTexts texts, MessageSource messages, PlatformTime time) {
        this.time = time;
        this.texts = texts;
        this.messages = messages;
    }

    /** A waitlisted member: a place is theirs to confirm, and by when. */
    @TransactionalEventListener
    void on(PlaceOffered event) {
        String by = LocalDateTime.ofInstant(event.confirmBy(), time.zone()).toString().replace('T', ' ')
                .substring(0, 16);
        texts.send(event.memberId(), messages.getMessage("activity.sms.place-offered",
                new Object[] {event.activityTitle(), by}, CHINESE));
    }

    /**
     * Everyone who held a place, an offer, an entry or a waitlist position in a cancelled activity. On its own
     * thread (a popular activity has thousands to tell); the event publication registry retries it if the service
     * stops before it is done.
     */
    @ApplicationModuleListener
    void on(ActivityCancelled event) {
        String text = messages.getMessage("activity.sms.cancelled", new Object[] {event.activityTitle()}, CHINESE);
        event.members().forEach(member -> texts.send(member, text));
    }
}
