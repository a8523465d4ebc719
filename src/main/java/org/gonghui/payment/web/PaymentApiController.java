package org.gonghui.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gonghui.payment.BatchView;
import org.gonghui.payment.EntitlementStatus;
import org.gonghui.payment.EntitlementView;
import org.gonghui.payment.Entitlements;
import org.gonghui.payment.LedgerBalances;
import org.gonghui.payment.PayeeAccounts;
import org.gonghui.payment.PaymentBatches;
import org.gonghui.payment.PaymentJournal;
import org.gonghui.payment.PaymentLineView;
import org.gonghui.payment.PaymentProgramme;
import org.gonghui.payment.PaymentProgrammes;
import org.gonghui.payment.ResultOutcome;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The payment engine's API: staff see the batches and payments of their subtree, administrators make batches,
 * fetch transfer files, import the bank's result files and retry; a member sees their own payments and sets the
 * account they are paid to. Another organisation's batch or payment is "not found".
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "The payment engine: programmes, batches, bank files, results, retries, "
        + "the member's payments and payee account (file layouts: docs/payment-bank-files.md)")
@SecurityRequirement(name = "bearer")
class PaymentApiController {

    private final PaymentBatches batches;
    private final Entitlements entitlements;
    private final PayeeAccounts payees;
    private final PaymentProgrammes programmes;
    private final PaymentJournal journal;

    PaymentApiController(PaymentBatches batches, Entitlements entitlements, PayeeAccounts payees,
            PaymentProgrammes programmes, PaymentJournal journal) {
        this.batches = batches;
        this.entitlements = entitlements;
        this.payees = payees;
        this.programmes = programmes;
        this.journal = journal;
    }

    @GetMapping("/programmes")
    @Operation(summary = "The declared programmes")
    List<PaymentProgramme> programmes(@AuthenticationPrincipal CurrentUser user) {
        requireStaff(user);
        return List.copyOf(programmes.all());
    }

    @GetMapping("/batches")
    @Operation(summary = "Batches made in the caller's subtree, newest first (at most 100), optionally of one programme")
    List<BatchView> batches(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}") String programme) {
        return batches.batches(user, programme == null ? null : programmes.require(programme).code());
    }

    record NewBatch(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}") String programme) {
    }

    @PostMapping("/batches")
    @Operation(summary = "Put every entitled payment of the programme in the caller's subtree whose member has a payee "
            + "account into a new batch (administrators); 204 when there is nothing to pay")
    ResponseEntity<BatchView> createBatch(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewBatch body) {
        return batches.createBatch(user, body.programme()).map(b -> ResponseEntity.status(HttpStatus.CREATED).body(b))
                .orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/batches/{id}")
    @Operation(summary = "A batch with its lines counted by status")
    BatchView batch(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return batches.batch(user, id);
    }

    @GetMapping("/batches/{id}/lines")
    @Operation(summary = "A batch's payment lines (payee accounts masked)")
    List<PaymentLineView> lines(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return batches.lines(user, id);
    }

    @GetMapping(value = "/batches/{id}/transfer-file", produces = "text/csv")
    @Operation(summary = "The bank transfer file of the batch's pending lines (CSV; audit-logged, accounts in clear)")
    ResponseEntity<String> transferFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(new String(batches.transferFile(user, id), StandardCharsets.UTF_8));
    }

    @PostMapping(value = "/batches/{id}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the bank's result file: the same file again changes nothing, a line for a payment "
            + "settled before changes nothing, lines that do not match the batch are refused with their reason")
    ResultOutcome importResult(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        return batches.importResult(user, id, file == null ? new byte[0] : file.getBytes());
    }

    @GetMapping("/entitlements")
    @Operation(summary = "Payments of the caller's subtree in one status (e.g. FAILED), newest first")
    List<EntitlementView> entitlements(@AuthenticationPrincipal CurrentUser user, @RequestParam EntitlementStatus status,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}") String programme,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw DomainException.invalid("payment.limit");
        }
        return batches.entitlements(user, programme == null ? null : programmes.require(programme).code(), status, limit);
    }

    @GetMapping("/entitlements/{id}")
    @Operation(summary = "A payment of the caller's subtree")
    EntitlementView entitlement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return batches.entitlement(user, id);
    }

    @PostMapping("/entitlements/{id}/retry")
    @Operation(summary = "After the account is fixed: a failed payment waits for the next batch (administrators)")
    EntitlementView retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return batches.retry(user, id);
    }

    @GetMapping("/ledgers")
    @Operation(summary = "Each programme's trial balance (expense, payable, bank)")
    List<LedgerBalances> ledgers(@AuthenticationPrincipal CurrentUser user) {
        requireStaff(user);
        return programmes.all().stream().map(p -> journal.balances(p.code())).toList();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in member's payments, newest first")
    List<EntitlementView> mine(@AuthenticationPrincipal CurrentUser user) {
        return entitlements.ofMember(requireMember(user));
    }

    @GetMapping("/me/payee")
    @Operation(summary = "Where the member's payments go now (masked); 404 when there is no account")
    PayeeAccounts.PayeeView payee(@AuthenticationPrincipal CurrentUser user) {
        return payees.current(requireMember(user)).orElseThrow(() -> DomainException.notFound("payment.payee.none"));
    }

    record OwnAccount(@NotBlank @Size(max = 23) String account, @NotBlank @Size(max = 60) String bank) {
    }

    @PutMapping("/me/payee")
    @Operation(summary = "The member gives the bank card their payments go to (Luhn-checked; stored encrypted)")
    PayeeAccounts.PayeeView givePayee(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OwnAccount body) {
        return payees.giveOwn(requireMember(user), body.account(), body.bank());
    }

    @DeleteMapping("/me/payee")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The member removes their own account: payments go to the 5·1 card (or the registry's account)")
    void removePayee(@AuthenticationPrincipal CurrentUser user) {
        payees.removeOwn(requireMember(user));
    }

    private static long requireMember(CurrentUser user) {
        if (user == null || !user.isMember() || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }

    private static void requireStaff(CurrentUser user) {
        if (user == null || !user.isStaff()) {
            throw DomainException.forbidden("payment.staff-only");
        }
    }
}
