package org.gonghui.card.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.gonghui.card.insurance.CardInsurance;
import org.gonghui.card.insurance.PolicyView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The card's accident and home-fire insurance for apps: the member's policies and enrolment; staff enrol members of
 * their subtree (singly or a list, the unit pays), list the year's policies and export them for the insurer.
 */
@RestController
@RequestMapping("/api/v1/card/insurance")
@Tag(name = "Card insurance", description = "The card's 10-yuan-a-year accident and home-fire insurance")
@SecurityRequirement(name = "bearer")
class InsuranceApiController {

    private final CardInsurance insurance;
    private final PlatformTime time;

    InsuranceApiController(CardInsurance insurance, PlatformTime time) {
        this.insurance = insurance;
        this.time = time;
    }

    private static long memberOf(CurrentUser user) {
        if (user == null || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in member's policies (certificates), newest year first")
    List<PolicyView> mine(@AuthenticationPrincipal CurrentUser user) {
        return insurance.own(memberOf(user));
    }

    @PostMapping("/me")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The member enrols (and pays) for this policy year; once a year, a card needed")
    PolicyView enrolSelf(@AuthenticationPrincipal CurrentUser user) {
        return insurance.enrolSelf(memberOf(user), time.today().getYear());
    }

    /** A member found by ID number and name, and the policy year. */
    record Enrolment(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull @Min(2000) @Max(2100) Integer year) {
    }

    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Staff enrol a member of their subtree; the unit pays")
    PolicyView enrol(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Enrolment body) {
        return insurance.enrolMember(user, body.idNumber(), body.name(), body.year());
    }

    @GetMapping("/policies")
    @Operation(summary = "The year's policies of the caller's subtree, newest first")
    PageResult<PolicyView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return insurance.list(user, year, page, size);
    }

    @PostMapping(value = "/policies/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Staff enrol a unit's list (ID number, name a line; CSV or Excel): every line or none; "
            + "422 lists the bad lines")
    ResponseEntity<ImportReport> importList(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = insurance.importList(user, file, year);
        return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    @GetMapping("/policies/export")
    @Operation(summary = "The year's policy list for the insurer as Excel, ID numbers in clear (audit-logged)")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        insurance.export(user, year, out);
        return ImportReports.excel(out.toByteArray(), "insurance-" + year + ".xlsx");
    }
}
