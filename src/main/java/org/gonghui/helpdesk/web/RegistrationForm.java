package org.gonghui.helpdesk.web;

import jakarta.validation.constraints.Size;
import org.gonghui.helpdesk.Channel;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.shared.MultiLine;

/**
 * The registration form of a window or the hotline as posted (the sub-type's extra answers come as
 * {@link FormAnswerParams}); the service checks what is required.
 */
record RegistrationForm(Channel channel, @Size(max = 18) String idNumber, @Size(max = 20) String phone,
        @Size(max = 50) String name, RequestType type, @Size(max = 40) String subtype, @Size(max = 100) String subject,
        @MultiLine @Size(max = 4000) String content, Boolean againstEmployer) {

    static RegistrationForm empty(Channel channel) {
        return new RegistrationForm(channel, null, null, null, null, null, null, null, false);
    }
}
