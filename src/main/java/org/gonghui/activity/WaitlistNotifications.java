package org.gonghui.activity;

import java.time.LocalDateTime;
import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a waitlisted member by text message that a place is theirs to confirm, and by when. Sent only after the
 * offer is committed; a failed message never undoes the offer (the member also sees it on My activities).
 */
@Component
class WaitlistNotifications {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MemberTexts texts;
    private final MessageSource messages;

    WaitlistNotifications(MemberTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(PlaceOffered event) {
        String by = LocalDateTime.ofInstant(event.confirmBy(), ActivityView.ZONE).toString().replace('T', ' ')
                .substring(0, 16);
        texts.send(event.memberId(), messages.getMessage("activity.sms.place-offered",
                new Object[] {event.activityTitle(), by}, CHINESE));
    }
}
