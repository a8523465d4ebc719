package org.gonghui.modelworker.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gonghui.modelworker.allowance.AllowanceLines;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.payment.EntitlementView;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The model worker's own page on the portal: their record and every allowance month with its payment. */
@Controller
class ModelWorkerPortalController {

    private final ModelWorkerArchive archive;
    private final AllowanceLines lines;
    private final Entitlements entitlements;
    private final PlatformTime time;

    ModelWorkerPortalController(ModelWorkerArchive archive, AllowanceLines lines, Entitlements entitlements,
            PlatformTime time) {
        this.archive = archive;
        this.lines = lines;
        this.entitlements = entitlements;
        this.time = time;
    }

    @GetMapping("/me/model-worker")
    String own(@AuthenticationPrincipal CurrentUser user, Model model) {
        ModelWorkerView worker = archive.ofMember(user.memberId())
                .orElseThrow(() -> DomainException.notFound("modelworker.not-found", user.memberId()));
        Map<Long, EntitlementView> payments = entitlements.ofMember(user.memberId()).stream()
                .filter(e -> AllowanceLines.PROGRAMME.equals(e.programme()))
                .collect(Collectors.toMap(EntitlementView::id, Function.identity()));
        model.addAttribute("worker", worker);
        model.addAttribute("lines", lines.ofWorker(worker.id()));
        model.addAttribute("payments", payments);
        model.addAttribute("today", time.today());
        return "modelworker/portal/own";
    }
}
