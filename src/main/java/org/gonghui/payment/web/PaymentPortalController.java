package org.gonghui.payment.web;

import org.gonghui.payment.Entitlements;
import org.gonghui.payment.PayeeAccounts;
import org.gonghui.payment.PaymentProgrammes;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's payments on the phone: every payment with its status, and the account they are paid to. */
@Controller
class PaymentPortalController {

    private final Entitlements entitlements;
    private final PayeeAccounts payees;
    private final PaymentProgrammes programmes;
    private final ConsoleActions actions;

    PaymentPortalController(Entitlements entitlements, PayeeAccounts payees, PaymentProgrammes programmes,
            ConsoleActions actions) {
        this.entitlements = entitlements;
        this.payees = payees;
        this.programmes = programmes;
        this.actions = actions;
    }

    @GetMapping("/me/payments")
    String payments(@AuthenticationPrincipal CurrentUser user, Model model) {
        long memberId = member(user);
        model.addAttribute("payments", entitlements.ofMember(memberId));
        model.addAttribute("payee", payees.current(memberId).orElse(null));
        model.addAttribute("programmes", programmes);
        return "payment/portal/payments";
    }

    @PostMapping("/me/payments/payee")
    String givePayee(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String account,
            @RequestParam(required = false) String bank, RedirectAttributes redirect) {
        long memberId = member(user);
        try {
            payees.giveOwn(memberId, account, bank);
            redirect.addFlashAttribute("notice", actions.message("payment.portal.account.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/me/payments";
    }

    @PostMapping("/me/payments/payee/remove")
    String removePayee(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        payees.removeOwn(member(user));
        redirect.addFlashAttribute("notice", actions.message("payment.portal.account.saved"));
        return "redirect:/me/payments";
    }

    private static long member(CurrentUser user) {
        if (user == null || !user.isMember() || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }
}
