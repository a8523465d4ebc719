package org.gonghui.helpdesk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A lawyer joining the roster: name, firm, specialities, phone, and the organisation whose roster holds them. */
public record NewLawyer(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 100) String firm,
        @NotBlank @Size(max = 200) String specialities, @Size(max = 20) String phone, @NotNull Long orgId) {
}
