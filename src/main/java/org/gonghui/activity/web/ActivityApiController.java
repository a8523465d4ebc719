package org.gonghui.activity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.gonghui.activity.Activities;
import org.gonghui.activity.ActivityCategory;
import org.gonghui.activity.ActivityFigures;
import org.gonghui.activity.ActivityForm;
import org.gonghui.activity.ActivityView;
import org.gonghui.activity.Attendance;
import org.gonghui.activity.CheckIn;
import org.gonghui.activity.LotteryDraws;
import org.gonghui.activity.PublishedDraw;
import org.gonghui.activity.RegistrationListing;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.activity.RegistrationView;
import org.gonghui.activity.Registrations;
import org.gonghui.activity.ShippingAddress;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activities for the mobile app: members browse, register (the member is always the caller: a member id in the
 * request is never read), cancel and confirm offers; staff publish and run activities in their subtree.
 */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Activities, registrations, waitlists, lotteries and check-in")
@SecurityRequirement(name = "bearer")
class ActivityApiController {

    private final Activities activities;
    private final Registrations registrations;
    private final LotteryDraws lotteries;
    private final Attendance attendance;

    ActivityApiController(Activities activities, Registrations registrations, LotteryDraws lotteries,
            Attendance attendance) {
        this.activities = activities;
        this.registrations = registrations;
        this.lotteries = lotteries;
        this.attendance = attendance;
    }

    /** An activity with what the gate knows of its free places. */
    record ActivityDetail(ActivityView activity, int freePlaces) {
    }

    @GetMapping
    @Operation(summary = "Members: activities open to them; staff: activities of their subtree")
    PageResult<ActivityView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ActivityCategory category, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (user.isMember()) {
            return activities.browse(user.memberId(), category, page, size);
        }
        return activities.staffList(user, q, page, size);
    }

    @GetMapping("/{id}")
    ActivityDetail get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        ActivityView a = user.isMember() ? activities.forMember(user.memberId(), id) : activities.requireInScope(user, id);
        return new ActivityDetail(a, user.isMember() ? registrations.freePlacesFor(a, user.memberId())
                : activities.freePlaces(a));
    }

    /** What a member sends to register; all optional. */
    record RegisterRequest(String recipient, String phone, @Size(max = 300) String address, Boolean waitlist) {
    }

    @PostMapping("/{id}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Register the caller: 201 with the registration, or a problem whose code says why not "
            + "(activity.refused.full and activity.refused.full.quota* offer the waitlist: send waitlist=true)")
    RegistrationView register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) RegisterRequest body) {
        RegisterRequest b = body == null ? new RegisterRequest(null, null, null, false) : body;
        return registrations.register(user.memberId(), id, new ShippingAddress(b.recipient(), b.phone(), b.address()),
                Boolean.TRUE.equals(b.waitlist()));
    }

    @GetMapping("/{id}/registrations/mine")
    @PreAuthorize("hasRole('MEMBER')")
    RegistrationView mine(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return registrations.mine(user.memberId(), id)
                .orElseThrow(() -> DomainException.notFound("registration.not-found"));
    }

    @GetMapping("/registrations")
    @PreAuthorize("hasRole('MEMBER')")
    PageResult<RegistrationView> history(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return registrations.history(user.memberId(), page, size);
    }

    @PostMapping("/registrations/{registrationId}/cancel")
    @PreAuthorize("hasRole('MEMBER')")
    RegistrationView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long registrationId) {
        return registrations.cancel(user.memberId(), registrationId);
    }

    @PostMapping("/registrations/{registrationId}/confirm")
    @PreAuthorize("hasRole('MEMBER')")
    RegistrationView confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long registrationId) {
        return registrations.confirmOffer(user.memberId(), registrationId);
    }

    @GetMapping("/{id}/lottery")
    @Operation(summary = "The published draw: frozen entries, their SHA-256, the seed and the order")
    PublishedDraw published(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        get(user, id);
        return lotteries.published(id);
    }

    // ---- staff

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    ActivityView publish(@AuthenticationPrincipal CurrentUser user, @RequestBody ActivityForm form) {
        return activities.publish(user, form);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    ActivityView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ActivityForm form) {
        return activities.update(user, id, form);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    ActivityView close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return activities.close(user, id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    ActivityView cancelActivity(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return activities.cancel(user, id);
    }

    @GetMapping("/{id}/figures")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'REVIEWER')")
    ActivityFigures figures(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return activities.figures(user, id);
    }

    @GetMapping("/{id}/registrations")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'REVIEWER')")
    @Operation(summary = "Staff: registrations with who registered (name, organisation, masked phone), the waitlist in order")
    PageResult<RegistrationListing> registrations(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) RegistrationStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return activities.registrations(user, id, status, page, size);
    }

    record CheckInRequest(String code) {
    }

    @PostMapping("/{id}/check-ins")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    CheckIn checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody CheckInRequest body) {
        return attendance.checkIn(user, id, body == null ? null : body.code());
    }

    @PostMapping("/{id}/lottery/freeze")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    PublishedDraw freeze(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return lotteries.freeze(user, id);
    }

    record DrawRequest(String seed) {
    }

    @PostMapping("/{id}/lottery/draw")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    PublishedDraw draw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) DrawRequest body) {
        return lotteries.draw(user, id, body == null ? null : body.seed());
    }
}
