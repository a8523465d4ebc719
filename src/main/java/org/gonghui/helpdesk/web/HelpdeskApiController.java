package org.gonghui.helpdesk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.gonghui.helpdesk.Channel;
import org.gonghui.helpdesk.Difficulty;
import org.gonghui.helpdesk.HelpDocumentView;
import org.gonghui.helpdesk.HelpRequestContacts;
import org.gonghui.helpdesk.HelpRequestDetails;
import org.gonghui.helpdesk.HelpRequestQuery;
import org.gonghui.helpdesk.HelpRequestSummary;
import org.gonghui.helpdesk.HelpRequestView;
import org.gonghui.helpdesk.HelpRequests;
import org.gonghui.helpdesk.LawyerView;
import org.gonghui.helpdesk.Lawyers;
import org.gonghui.helpdesk.Light;
import org.gonghui.helpdesk.NewLawyer;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.helpdesk.ReferralView;
import org.gonghui.helpdesk.Satisfaction;
import org.gonghui.helpdesk.SupervisionView;
import org.gonghui.helpdesk.NewHelpRequest;
import org.gonghui.helpdesk.Registration;
import org.gonghui.helpdesk.RequestStatus;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.helpdesk.SubtypeView;
import org.gonghui.helpdesk.Subtypes;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 12351 help desk for apps and WeChat front ends: members submit and follow their requests; staff register
 * walk-ins and calls, list their subtree's requests by urgency, dispatch, transfer, send back, reply and note.
 * Scope as everywhere: a member sees only their own, staff only what their organisation handles or oversees
 * (never a complaint against their own unit); anything else is "not found".
 */
@RestController
@RequestMapping("/api/v1/helpdesk")
@Tag(name = "Help desk", description = "12351: help and rights requests, their chain between the four levels")
@SecurityRequirement(name = "bearer")
class HelpdeskApiController {

    private final HelpRequests requests;
    private final Subtypes subtypes;
    private final Lawyers lawyers;
    private final HelpRequestContacts contacts;

    HelpdeskApiController(HelpRequests requests, Subtypes subtypes, Lawyers lawyers, HelpRequestContacts contacts) {
        this.contacts = contacts;
        this.lawyers = lawyers;
        this.requests = requests;
        this.subtypes = subtypes;
    }

    @GetMapping("/subtypes")
    @Operation(summary = "The sub-types of each request type with the extra fields their forms ask for")
    List<SubtypeView> subtypes(@RequestParam(required = false) RequestType type) {
        return type == null ? subtypes.all() : subtypes.of(type);
    }

    // ---- the member's own

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member submits a request; it is routed at once (a complaint against the member's own "
            + "employer goes to the township, never to the employer's service point)")
    HelpRequestView submit(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewHelpRequest body) {
        return requests.submit(user, body, Channel.API);
    }

    @GetMapping("/me/requests")
    @Operation(summary = "The signed-in member's requests, newest first")
    PageResult<HelpRequestSummary> mine(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return requests.mine(user, page, size);
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "A request with its history (the member sees replies, not internal notes); staff looks at "
            + "complaints and legal aid are audit-logged")
    HelpRequestDetails request(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return requests.view(user, id);
    }

    record Information(@NotBlank @MultiLine @Size(max = 4000) String text) {
    }

    @PostMapping("/requests/{id}/information")
    @Operation(summary = "The member adds information; when staff asked for something this is the answer, and the "
            + "request's clock runs again")
    HelpRequestView addInformation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Information body) {
        return requests.addInformation(user, id, body.text());
    }

    @PostMapping(value = "/requests/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document or photo (PDF, JPEG or PNG by content, size-limited): the member to their "
            + "own open request, staff to a request they handle or oversee")
    HelpDocumentView attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file) {
        return requests.attach(user, id, file);
    }

    @GetMapping("/requests/{id}/documents/{documentId}")
    @Operation(summary = "A document's content (staff openings audit-logged)")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        return DocumentResponses.inline(requests.openDocument(user, id, documentId));
    }

    // ---- staff

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Staff register a request at a window or from the hotline: the member found by ID number or "
            + "phone, or a non-member recorded by name and phone")
    HelpRequestView register(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Registration body) {
        return requests.register(user, body);
    }

    @GetMapping("/requests")
    @Operation(summary = "Requests of the caller's subtree, open ones unless a status is asked for, most urgent first "
            + "(red, yellow, earliest resolution deadline)")
    PageResult<HelpRequestSummary> search(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) RequestStatus status, @RequestParam(required = false) RequestType type,
            @RequestParam(required = false) Light light, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) Boolean supervised,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return requests.search(user, new HelpRequestQuery(status, type, light, channel, orgId, supervised), page, size);
    }

    /** The version the caller saw, the organisation to send the request to, and an optional note. */
    record Dispatch(Integer version, @NotNull Long toOrgId, @Size(max = 500) String note) {
    }

    @PostMapping("/requests/{id}/dispatch")
    @Operation(summary = "派单: send the request to an organisation in the caller's subtree")
    HelpRequestView dispatch(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Dispatch body) {
        return requests.dispatch(user, id, body.version(), body.toOrgId(), body.note());
    }

    record RequestTransfer(Integer version, @NotNull Long toOrgId, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/requests/{id}/transfer")
    @Operation(summary = "转办: hand the request to another organisation (in or beside the caller's subtree) with a reason")
    HelpRequestView transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody RequestTransfer body) {
        return requests.transfer(user, id, body.version(), body.toOrgId(), body.reason());
    }

    record SendBack(Integer version, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/requests/{id}/send-back")
    @Operation(summary = "退回: return a wrongly routed request to the organisation it came from, with a reason")
    HelpRequestView sendBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody SendBack body) {
        return requests.sendBack(user, id, body.version(), body.reason());
    }

    record Text(Integer version, @NotBlank @MultiLine @Size(max = 4000) String text) {
    }

    @PostMapping("/requests/{id}/replies")
    @Operation(summary = "Reply to the member (texted to them); it answers what they said so far")
    HelpRequestView reply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Text body) {
        return requests.reply(user, id, body.version(), body.text());
    }

    @PostMapping("/requests/{id}/notes")
    @Operation(summary = "An internal note the member never sees")
    HelpRequestView note(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Text body) {
        return requests.note(user, id, body.version(), body.text());
    }

    @PostMapping("/requests/{id}/ask-member")
    @Operation(summary = "请会员补充: ask the member for something (texted to them); the clock stands still until they answer")
    HelpRequestView askMember(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Text body) {
        return requests.askMember(user, id, body.version(), body.text());
    }

    record Notice(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/requests/{id}/supervision")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "督办: an organisation above the handling one sends a supervision notice it must answer")
    SupervisionView supervise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Notice body) {
        return requests.supervise(user, id, body.reason());
    }

    record Answer(@NotBlank @MultiLine @Size(max = 4000) String text) {
    }

    @PostMapping("/requests/{id}/supervision/{noticeId}/answer")
    @Operation(summary = "The handling organisation answers a supervision notice")
    SupervisionView answerSupervision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long noticeId, @Valid @RequestBody Answer body) {
        return requests.answerSupervision(user, id, noticeId, body.text());
    }

    @GetMapping("/supervision")
    @Operation(summary = "Open supervision notices to answer or to follow in the caller's subtree, oldest first")
    PageResult<SupervisionView> openSupervisions(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return requests.openSupervisions(user, page, size);
    }

    record Closing(Integer version, @NotNull Outcome outcome, @Size(max = 500) String reason,
            @Size(max = 200) String referredTo) {
    }

    @PostMapping("/requests/{id}/close")
    @Operation(summary = "办结: record the outcome (a reason when not accepted, the authority when referred); the "
            + "member is texted and must be called back")
    HelpRequestView close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Closing body) {
        return requests.close(user, id, body.version(), body.outcome(), body.reason(), body.referredTo());
    }

    record CallBack(Integer version, LocalDateTime calledAt, @NotNull Satisfaction satisfaction,
            @MultiLine @Size(max = 4000) String note) {
    }

    @PostMapping("/requests/{id}/callback")
    @Operation(summary = "回访: record the call-back (when, in the platform's zone; default now) and the rating the member "
            + "gave on the phone; 不满意 reopens the request once under supervision of the level above")
    HelpRequestView callBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody CallBack body) {
        return requests.callBack(user, id, body.version(), body.calledAt(), body.satisfaction(), body.note());
    }

    record Rating(@NotNull Satisfaction satisfaction, @MultiLine @Size(max = 4000) String comment) {
    }

    @PostMapping("/requests/{id}/rating")
    @Operation(summary = "The member rates the result of a closed request; 不满意 reopens it once")
    HelpRequestView rate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Rating body) {
        return requests.rate(user, id, body.satisfaction(), body.comment());
    }

    record Referral(@NotNull Long lawyerId, @NotNull LocalDateTime appointmentAt, @NotBlank @Size(max = 200) String place,
            @MultiLine @Size(max = 4000) String note) {
    }

    @PostMapping("/requests/{id}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "法律援助: refer a legal-aid request to a roster lawyer with an appointment (time in the platform's "
            + "zone, place), which the member is told")
    ReferralView refer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Referral body) {
        return requests.refer(user, id, body.lawyerId(), body.appointmentAt(), body.place(), body.note());
    }

    @GetMapping("/lawyers")
    @Operation(summary = "The volunteer lawyers the caller may refer to: of their organisation, the levels above and "
            + "their subtree")
    List<LawyerView> lawyers(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "true") boolean activeOnly) {
        return lawyers.available(user, activeOnly);
    }

    @PostMapping("/lawyers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a volunteer lawyer to the roster of an organisation in the caller's subtree")
    LawyerView addLawyer(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewLawyer body) {
        return lawyers.add(user, body);
    }

    record Activity(@NotNull Boolean active) {
    }

    @PostMapping("/lawyers/{id}/active")
    @Operation(summary = "Take a lawyer off the roster or back on")
    LawyerView setLawyerActive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Activity body) {
        return lawyers.setActive(user, id, body.active());
    }

    @PostMapping("/requests/{id}/contact/reveal")
    @Operation(summary = "The name and phone of the person behind a request in clear (staff who may see the request; "
            + "audit-logged): lists and pages show them masked for complaints and legal aid")
    HelpRequestContacts.Contact revealContact(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contacts.reveal(user, id);
    }

    record DifficultyChange(Integer version, @NotNull Difficulty difficulty) {
    }

    @PostMapping("/requests/{id}/difficulty")
    @Operation(summary = "Set how hard the request is (一般, 疑难, 特别复杂): it chooses the resolution time limit")
    HelpRequestView difficulty(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody DifficultyChange body) {
        return requests.changeDifficulty(user, id, body.version(), body.difficulty());
    }
}
