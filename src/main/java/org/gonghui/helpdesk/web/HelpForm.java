package org.gonghui.helpdesk.web;

import jakarta.validation.constraints.Size;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.shared.MultiLine;

/**
 * The member's phone form as posted (the sub-type's extra answers come as {@link FormAnswerParams}); the service
 * checks what is required.
 */
record HelpForm(RequestType type, @Size(max = 40) String subtype, @Size(max = 100) String subject,
        @MultiLine @Size(max = 4000) String content, Boolean againstEmployer, @Size(max = 20) String contactPhone) {

    static HelpForm empty(RequestType type) {
        return new HelpForm(type, null, null, null, false, null);
    }
}
