package org.gonghui.card.web;

import org.gonghui.card.merchant.CardMerchants;
import org.gonghui.card.merchant.MerchantSettings;
import org.gonghui.card.merchant.MerchantView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant's own outlets on its page: each outlet's name, address, district, opening hours and position changed,
 * new outlets added (checked as {@link CardMerchants#updateOutlet} says). Only its own outlets: another merchant's
 * outlet is not found.
 */
@Controller
class MerchantOutletsController {

    private static final String BASE = "/merchant/card/outlets";

    private final CardMerchants merchants;
    private final MerchantSettings settings;
    private final ConsoleActions actions;
    private final org.gonghui.card.merchant.MerchantDocuments documents;

    MerchantOutletsController(CardMerchants merchants, MerchantSettings settings, ConsoleActions actions,
            org.gonghui.card.merchant.MerchantDocuments documents) {
        this.documents = documents;
        this.merchants = merchants;
        this.settings = settings;
        this.actions = actions;
    }

    @GetMapping(BASE)
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        MerchantView merchant = merchants.own(user);
        model.addAttribute("merchant", merchant);
        model.addAttribute("outlets", merchants.outlets(merchant.id()));
        model.addAttribute("districts", settings.districts());
        model.addAttribute("documents", documents.list(user, merchant.id()));
        return "card/merchant/outlets";
    }

    @PostMapping(BASE)
    String add(@AuthenticationPrincipal CurrentUser user, OutletFields form, RedirectAttributes r) {
        return actions.run(r, BASE, () -> merchants.addOutlet(user, 0, form.outlet()));
    }

    @PostMapping(BASE + "/{outlet}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long outlet, OutletFields form,
            RedirectAttributes r) {
        return actions.run(r, BASE, () -> merchants.updateOutlet(user, 0, outlet, form.outlet()));
    }
}
