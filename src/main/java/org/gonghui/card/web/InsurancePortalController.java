package org.gonghui.card.web;

import org.gonghui.card.insurance.CardInsurance;
import org.gonghui.card.insurance.InsuranceTerms;
import org.gonghui.card.insurance.PolicyView;
import org.gonghui.member.Members;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member enrols in the card's insurance from the card page and opens their certificate. Only their own. */
@Controller
class InsurancePortalController {

    private final CardInsurance insurance;
    private final InsuranceTerms terms;
    private final Members members;
    private final PlatformTime time;
    private final ConsoleActions actions;

    InsurancePortalController(CardInsurance insurance, InsuranceTerms terms, Members members, PlatformTime time,
            ConsoleActions actions) {
        this.insurance = insurance;
        this.terms = terms;
        this.members = members;
        this.time = time;
        this.actions = actions;
    }

    @PostMapping("/card/insurance")
    String enrol(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            PolicyView policy = insurance.enrolSelf(user.memberId(), time.today().getYear());
            redirect.addFlashAttribute("notice", actions.message("card.insurance.enrolled"));
            return "redirect:/card/insurance/" + policy.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
            return "redirect:/card";
        }
    }

    @GetMapping("/card/insurance/{id}")
    String certificate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        PolicyView policy = insurance.ownPolicy(user.memberId(), id);
        model.addAttribute("policy", policy);
        model.addAttribute("insurer", terms.insurer());
        model.addAttribute("insured", Masking.name(policy.memberName()));
        model.addAttribute("idMasked", members.find(user.memberId()).map(m -> m.idNumberMasked()).orElse(""));
        return "card/portal/insurance";
    }
}
