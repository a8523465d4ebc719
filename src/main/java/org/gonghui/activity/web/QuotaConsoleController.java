package org.gonghui.activity.web;

import org.gonghui.activity.Activities;
import org.gonghui.activity.PlaceQuotas;
import org.gonghui.activity.QuotaForm;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff split an activity's places between organisations of their subtree, and release unused ones. */
@Controller
@RequestMapping("/console/activities/{id}/quotas")
class QuotaConsoleController {

    private final Activities activities;
    private final PlaceQuotas quotas;
    private final ConsoleActions actions;

    QuotaConsoleController(Activities activities, PlaceQuotas quotas, ConsoleActions actions) {
        this.activities = activities;
        this.quotas = quotas;
        this.actions = actions;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return page(user, id, quotas.formOf(user, id), null, model);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute QuotaForm form,
            Model model, RedirectAttributes redirect) {
        try {
            quotas.set(user, id, new QuotaForm(form.lines(), null, form.releaseAt()));
            redirect.addFlashAttribute("notice", "activity.quota.saved");
            return "redirect:/console/activities/" + id + "/quotas";
        } catch (DomainException e) {
            return page(user, id, form, message(e), model);
        }
    }

    @PostMapping("/release")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String release(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            quotas.releaseNow(user, id);
            redirect.addFlashAttribute("notice", "activity.quota.released");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/console/activities/" + id + "/quotas";
    }

    private String page(CurrentUser user, long id, QuotaForm form, String error, Model model) {
        model.addAttribute("a", activities.requireInScope(user, id));
        model.addAttribute("plan", quotas.of(user, id));
        model.addAttribute("uses", quotas.usage(user, id));
        model.addAttribute("released", quotas.releasedNow(id));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "activity/console/quotas";
    }

    private String message(DomainException e) {
        return actions.reason(e);
    }
}
