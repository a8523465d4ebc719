package org.gonghui.card.web;

import java.math.BigDecimal;
import org.gonghui.card.Cards;
import org.gonghui.card.loan.CardLoans;
import org.gonghui.card.loan.LoanTerms;
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

/** The member's 蓝领通 page: apply (card 3.0 holders) and follow their applications and the bank's decisions. */
@Controller
class LoanPortalController {

    private final CardLoans loans;
    private final LoanTerms terms;
    private final Cards cards;
    private final ConsoleActions actions;

    LoanPortalController(CardLoans loans, LoanTerms terms, Cards cards, ConsoleActions actions) {
        this.loans = loans;
        this.terms = terms;
        this.cards = cards;
        this.actions = actions;
    }

    @GetMapping("/card/loan")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("card", cards.current(user.memberId()).orElse(null));
        model.addAttribute("applications", loans.own(user.memberId()));
        model.addAttribute("limit", terms.limit());
        model.addAttribute("maxTerm", terms.maxTermMonths());
        return "card/portal/loan";
    }

    @PostMapping("/card/loan")
    String apply(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String termMonths, @RequestParam(defaultValue = "") String purpose,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/card/loan",
                () -> loans.apply(user.memberId(), amount(amount), term(termMonths), purpose));
    }

    private static BigDecimal amount(String text) {
        String value = text.strip().replace(",", "");
        if (!value.matches("[0-9]{1,12}(\\.[0-9]{1,2})?")) {
            throw DomainException.invalid("card.loan.amount.invalid");
        }
        return new BigDecimal(value);
    }

    private static Integer term(String text) {
        String value = text.strip();
        if (!value.matches("[0-9]{1,4}")) {
            throw DomainException.invalid("card.loan.term.invalid", "—");
        }
        return Integer.valueOf(value);
    }
}
