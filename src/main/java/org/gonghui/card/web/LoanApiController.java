package org.gonghui.card.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.gonghui.card.loan.CardLoans;
import org.gonghui.card.loan.LoanApplicationView;
import org.gonghui.card.loan.LoanStatus;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
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
 * 蓝领通 small loans for apps: a card 3.0 holder applies and follows the bank's decision; staff list their subtree's
 * applications, pass the new ones to the bank and import its decisions. The union decides nothing.
 */
@RestController
@RequestMapping("/api/v1/card/loans")
@Tag(name = "Card loans", description = "蓝领通 small loans for card 3.0 holders, decided by the partner bank")
@SecurityRequirement(name = "bearer")
class LoanApiController {

    private final CardLoans loans;

    LoanApiController(CardLoans loans) {
        this.loans = loans;
    }

    private static long memberOf(CurrentUser user) {
        if (user == null || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in member's applications with the bank's decisions, newest first")
    List<LoanApplicationView> mine(@AuthenticationPrincipal CurrentUser user) {
        return loans.own(memberOf(user));
    }

    /** The amount in yuan (within the configured limit), the term in months and the purpose. Nothing about income. */
    record Application(@NotNull BigDecimal amount, @NotNull Integer termMonths, @NotBlank @Size(max = 200) String purpose) {
    }

    @PostMapping("/me")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply (active card 3.0 only; one waiting application at a time)")
    LoanApplicationView apply(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Application body) {
        return loans.apply(memberOf(user), body.amount(), body.termMonths(), body.purpose());
    }

    @GetMapping
    @Operation(summary = "The caller's subtree's applications in a status (default SUBMITTED), newest first")
    PageResult<LoanApplicationView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) LoanStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return loans.list(user, status, page, size);
    }

    @PostMapping("/referrals")
    @Operation(summary = "The subtree's new applications for the bank as Excel (ID numbers in clear, audit-logged); "
            + "they are REFERRED from now on")
    ResponseEntity<byte[]> refer(@AuthenticationPrincipal CurrentUser user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loans.refer(user, out);
        return ImportReports.excel(out.toByteArray(), "lantonglian-applications.xlsx");
    }

    @PostMapping(value = "/decisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the bank's decisions (CSV or Excel; format in docs/card.md): every line or none; "
            + "422 lists the bad lines; each member is texted the decision")
    ResponseEntity<ImportReport> decisions(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = loans.importDecisions(user, file);
        return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
