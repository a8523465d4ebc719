package org.gonghui.helpdesk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.gonghui.shared.MultiLine;

/**
 * A request registered by staff at a service window or on the 12351 hotline. The member is found by ID number or
 * phone; someone who is not a member yet is recorded by name and phone (then {@code idNumber} stays empty and
 * {@code name} and {@code phone} are required).
 */
public record Registration(@NotNull Channel channel, @Size(max = 18) String idNumber, @Size(max = 20) String phone,
        @Size(max = 50) String name, @NotNull RequestType type, @NotBlank @Size(max = 40) String subtype,
        @NotBlank @Size(max = 100) String subject, @NotBlank @MultiLine @Size(max = 4000) String content,
        Map<String, String> answers, Boolean againstEmployer) {
}
