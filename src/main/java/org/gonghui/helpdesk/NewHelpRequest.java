package org.gonghui.helpdesk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.gonghui.shared.MultiLine;

/**
 * A request as the member submits it: type and sub-type, a subject, what happened, the answers to the sub-type's
 * extra fields, whether a complaint is against the member's own employer, and optionally a phone to call back on
 * (else the phone on the member's record).
 */
public record NewHelpRequest(@NotNull RequestType type, @NotBlank @Size(max = 40) String subtype,
        @NotBlank @Size(max = 100) String subject, @NotBlank @MultiLine @Size(max = 4000) String content,
        Map<String, String> answers, Boolean againstEmployer, @Size(max = 20) String contactPhone) {
}
