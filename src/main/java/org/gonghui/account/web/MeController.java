package org.gonghui.account.web;

import org.gonghui.account.Accounts;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The member's own pages in the portal: profile, card, password. Only ever the signed-in member's data. */
@Controller
class MeController {

    private final Members members;
    private final Accounts accounts;
    private final MessageSource messages;

    MeController(Members members, Accounts accounts, MessageSource messages) {
        this.members = members;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/me")
    String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("member", self(user));
        model.addAttribute("hasPassword", accounts.hasPassword(user.accountId()));
        return "portal/me";
    }

    /** The card page moved to the card module. */
    @GetMapping("/me/card")
    String card() {
        return "redirect:/card";
    }

    @PostMapping("/me/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, Model model) {
        try {
            accounts.changeOwnPassword(user, currentPassword, newPassword);
            return "redirect:/me?changed";
        } catch (DomainException e) {
            model.addAttribute("passwordError", messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
            return profile(user, model);
        }
    }

    private MemberView self(CurrentUser user) {
        return members.find(user.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
    }
}
