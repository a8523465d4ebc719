package org.gonghui.mutualaid;

import java.util.Locale;
import java.util.stream.Collectors;
import org.gonghui.account.SmsSender;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the member by text message when reviewers need more documents and when the money was paid. Sent
 * only after the change is committed; a failed message never undoes the review.
 */
@Component
class MemberNotifications {

    private static final Logger log = LoggerFactory.getLogger(MemberNotifications.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final SmsSender sms;
    private final Members members;
    private final MessageSource messages;

    MemberNotifications(SmsSender sms, Members members, MessageSource messages) {
        this.sms = sms;
        this.members = members;
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(DocumentsRequested event) {
        String items = event.items().stream().map(d -> messages.getMessage("mutualaid.doc." + d, null, d.name(), CHINESE))
                .collect(Collectors.joining("、"));
        send(event.memberId(), messages.getMessage("mutualaid.sms.documents-requested", new Object[] {
                Claims.claimNo(new CoverYear(event.coverYear()), event.claimId()), items, event.deadline()}, CHINESE));
    }

    @TransactionalEventListener
    void on(ClaimPaid event) {
        send(event.memberId(), messages.getMessage("mutualaid.sms.paid", new Object[] {event.amount().toPlainString()},
                CHINESE));
    }

    private void send(long memberId, String text) {
        try {
            String phone = members.revealOwn(memberId, PersonalField.PHONE);
            if (phone != null) {
                sms.send(phone, text);
            }
        } catch (RuntimeException e) {
            log.warn("could not notify member {}: {}", memberId, e.getMessage());
        }
    }
}
