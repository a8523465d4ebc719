package org.gonghui.activity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gonghui.activity.PlaceQuotas;
import org.gonghui.activity.QuotaForm;
import org.gonghui.activity.QuotaPlan;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Quotas by organisation for the staff app: read, replace, release now. */
@RestController
@RequestMapping("/api/v1/activities/{id}/quotas")
@Tag(name = "Activities")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'REVIEWER')")
class QuotaApiController {

    private final PlaceQuotas quotas;

    QuotaApiController(PlaceQuotas quotas) {
        this.quotas = quotas;
    }

    /** The plan and how each quota (and the common pool, with no organisation) stands. */
    record QuotaStatus(QuotaPlan plan, List<PlaceQuotas.QuotaUse> uses) {
    }

    @GetMapping
    QuotaStatus get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return new QuotaStatus(quotas.of(user, id), quotas.usage(user, id));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Operation(summary = "Replace the quotas: {\"quotas\":[{\"org\":\"NB-HS\",\"places\":100}],"
            + "\"releaseAt\":\"2026-12-01T12:00:00\"} (a local time in the platform's zone, gonghui.zone); an empty list "
            + "removes them. Only while no place is held.")
    QuotaStatus put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody QuotaForm form) {
        quotas.set(user, id, new QuotaForm(null, form.quotas() == null ? List.of() : form.quotas(), form.releaseAt()));
        return get(user, id);
    }

    @PostMapping("/release")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Operation(summary = "Return the quotas' unused places to the common pool now")
    QuotaStatus release(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        quotas.releaseNow(user, id);
        return get(user, id);
    }
}
