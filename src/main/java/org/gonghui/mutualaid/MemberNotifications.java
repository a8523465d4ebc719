package org.gonghui.mutualaid;

import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the member by text message when reviewers need more documents and when the money was paid. Sent
 * only after the change is committed; a failed message never undoes the review.
 */
@Component
class MemberNotifications {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MemberTexts texts;
    private final MessageSource messages;

    MemberNotifications(MemberTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(DocumentsRequested event) {
        String items = messages.getMessage(Localised.documents(event.items()), CHINESE);
        texts.send(event.memberId(), messages.getMessage("mutualaid.sms.documents-requested", new Object[] {
                Claims.claimNo(new CoverYear(event.coverYear()), event.claimId()), items, event.deadline()}, CHINESE));
    }

    @TransactionalEventListener
    void on(ClaimPaid event) {
        texts.send(event.memberId(), messages.getMessage("mutualaid.sms.paid", new Object[] {Localised.amount(new Money(event.amount()))},
                CHINESE));
    }
}
