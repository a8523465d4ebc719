package org.gonghui.payment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.gonghui.payment.BatchView;
import org.gonghui.payment.EntitlementStatus;
import org.gonghui.payment.PaymentBatches;
import org.gonghui.payment.PaymentJournal;
import org.gonghui.payment.PaymentProgrammes;
import org.gonghui.payment.ResultOutcome;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff console's payment pages: batches per programme, files, results, failed and waiting payments. */
@Controller
@RequestMapping("/console/payments")
class PaymentConsoleController {

    private final PaymentBatches batches;
    private final PaymentProgrammes programmes;
    private final PaymentJournal journal;
    private final ConsoleActions actions;

    PaymentConsoleController(PaymentBatches batches, PaymentProgrammes programmes, PaymentJournal journal,
            ConsoleActions actions) {
        this.batches = batches;
        this.programmes = programmes;
        this.journal = journal;
        this.actions = actions;
    }

    @GetMapping
    String index(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String programme,
            Model model) {
        String chosen = programme == null || programme.isBlank() ? null : programmes.require(programme).code();
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("programme", chosen);
        model.addAttribute("batches", batches.batches(user, chosen));
        model.addAttribute("failed", batches.entitlements(user, chosen, EntitlementStatus.FAILED, 200));
        model.addAttribute("waiting", batches.entitlements(user, chosen, EntitlementStatus.ENTITLED, 200));
        model.addAttribute("ledgers", programmes.all().stream()
                .filter(p -> chosen == null || p.code().equals(chosen)).map(p -> journal.balances(p.code())).toList());
        return "payment/console/index";
    }

    @PostMapping("/batches")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam String programme, RedirectAttributes redirect) {
        try {
            var batch = batches.createBatch(user, programme);
            if (batch.isEmpty()) {
                redirect.addFlashAttribute("error", actions.message("payment.batch.none-to-pay"));
                return "redirect:/console/payments?programme=" + programmes.require(programme).code();
            }
            return "redirect:/console/payments/batches/" + batch.get().id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", actions.reason(e));
            return "redirect:/console/payments";
        }
    }

    @GetMapping("/batches/{id}")
    String batch(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        BatchView batch = batches.batch(user, id);
        model.addAttribute("batch", batch);
        model.addAttribute("programme", programmes.find(batch.programme()).orElse(null));
        model.addAttribute("lines", batches.lines(user, id));
        return "payment/console/batch";
    }

    @GetMapping("/batches/{id}/transfer.csv")
    ResponseEntity<byte[]> transferFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        BatchView batch = batches.batch(user, id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(batch.batchNo() + ".csv").build().toString())
                .body(batches.transferFile(user, id));
    }

    @PostMapping("/batches/{id}/result")
    String importResult(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            ResultOutcome outcome = batches.importResult(user, id, file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("message", outcome.repeatedFile() ? actions.message("payment.result.repeated")
                    : actions.message("payment.result.summary", outcome.paid(), outcome.failed(),
                            outcome.alreadySettled(), outcome.refused().size()));
            redirect.addFlashAttribute("refused", outcome.refused());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/payments/batches/" + id;
    }

    @PostMapping("/entitlements/{id}/retry")
    String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String programme, RedirectAttributes redirect) {
        String back = "/console/payments" + (programme == null || programme.isBlank() ? ""
                : "?programme=" + programmes.require(programme).code());
        try {
            batches.retry(user, id);
            redirect.addFlashAttribute("notice", actions.message("payment.retry.done"));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:" + back;
    }
}
