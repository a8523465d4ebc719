package org.gonghui.helpdesk;

import java.util.Locale;
import org.gonghui.account.MemberTexts;
import org.gonghui.account.SmsSender;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the person who asked, by text message, every step that concerns them: received and by whom it is handled,
 * moved elsewhere, answered, asked for more, closed, reopened, linked to their open request, a lawyer's appointment.
 * A member is texted at the phone they gave for the request, else the phone on their record; someone who is not a
 * member at the phone staff recorded. Sent only after the change is committed; a failed message never undoes it.
 */
@Component
class HelpdeskTexts {

    private static final Logger log = LoggerFactory.getLogger(HelpdeskTexts.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MemberTexts memberTexts;
    private final SmsSender sms;
    private final PersonalDataCipher cipher;
    private final Organisations organisations;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    HelpdeskTexts(MemberTexts memberTexts, SmsSender sms, PersonalDataCipher cipher, Organisations organisations,
            MessageSource messages, JdbcClient jdbc) {
        this.memberTexts = memberTexts;
        this.sms = sms;
        this.cipher = cipher;
        this.organisations = organisations;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    void on(HelpRequestSubmitted event) {
        send(event.requestId(), "helpdesk.sms.received", event.requestNo(), orgName(event.handlingOrgId()));
    }

    @TransactionalEventListener
    void on(HelpRequestMoved event) {
        send(event.requestId(), "helpdesk.sms.moved", event.requestNo(), orgName(event.toOrgId()));
    }

    @TransactionalEventListener
    void on(HelpRequestReplied event) {
        send(event.requestId(), event.askedMember() ? "helpdesk.sms.asked" : "helpdesk.sms.replied", event.requestNo());
    }

    @TransactionalEventListener
    void on(HelpRequestClosed event) {
        send(event.requestId(), "helpdesk.sms.closed", event.requestNo());
    }

    @TransactionalEventListener
    void on(HelpRequestRated event) {
        if (event.reopened()) {
            send(event.requestId(), "helpdesk.sms.reopened", event.requestNo());
        }
    }

    /**
     * A step of the module that concerns the person and has no public event of its own: a message and its arguments
     * (a lawyer's name, a place: never sent to other instances).
     */
    @org.gonghui.shared.events.StaysInProcess
    record Tell(long requestId, String code, Object... args) {
    }

    @TransactionalEventListener
    void on(Tell tell) {
        send(tell.requestId(), tell.code(), tell.args());
    }

    private void send(long requestId, String code, Object... args) {
        try {
            String text = messages.getMessage(code, args, CHINESE);
            jdbc.sql("select member_id, contact_phone_enc from help_request where id = :id").param("id", requestId)
                    .query(rs -> {
                        Long memberId = (Long) rs.getObject("member_id", Long.class);
                        String phone = cipher.decrypt(rs.getString("contact_phone_enc"));
                        if (phone != null) {
                            sms.send(phone, text);
                        } else if (memberId != null) {
                            memberTexts.send(memberId, text);
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("could not text about help request {}: {}", requestId, e.getMessage());
        }
    }

    private String orgName(long orgId) {
        return organisations.find(orgId).map(o -> o.name()).orElse("");
    }
}
