package org.gonghui.account;

import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Text messages to a member at the phone on their record, for other modules' notifications. A member without a
 * phone gets nothing; a failure is logged and never thrown, so a notification never undoes what it reports.
 */
@Component
public class MemberTexts {

    private static final Logger log = LoggerFactory.getLogger(MemberTexts.class);

    private final SmsSender sms;
    private final Members members;

    MemberTexts(SmsSender sms, Members members) {
        this.sms = sms;
        this.members = members;
    }

    public void send(long memberId, String text) {
        try {
            String phone = members.revealOwn(memberId, PersonalField.PHONE);
            if (phone != null) {
                sms.send(phone, text);
            }
        } catch (RuntimeException e) {
            log.warn("could not text member {}: {}", memberId, e.getMessage());
        }
    }
}
