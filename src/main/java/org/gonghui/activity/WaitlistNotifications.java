package org.gonghui.activity;

import java.time.LocalDateTime;
import java.util.Locale;
import org.gonghui.account.SmsSender;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a waitlisted member by text message that a place is theirs to confirm, and by when. Sent only after the
 * offer is committed; a failed message never undoes the offer (the member also sees it on My activities).
 */
@Component
class WaitlistNotifications {

    private static final Logger log = LoggerFactory.getLogger(WaitlistNotifications.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final SmsSender sms;
    private final Members members;
    private final MessageSource messages;

    WaitlistNotifications(SmsSender sms, Members members, MessageSource messages) {
        this.sms = sms;
        this.members = members;
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(PlaceOffered event) {
        try {
            String phone = members.revealOwn(event.memberId(), PersonalField.PHONE);
            if (phone == null) {
                return;
            }
            String by = LocalDateTime.ofInstant(event.confirmBy(), ActivityView.ZONE).toString().replace('T', ' ')
                    .substring(0, 16);
            sms.send(phone, messages.getMessage("activity.sms.place-offered",
                    new Object[] {event.activityTitle(), by}, CHINESE));
        } catch (RuntimeException e) {
            log.warn("could not tell member {} of the offered place: {}", event.memberId(), e.getMessage());
        }
    }
}
