package org.gonghui.card.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.gonghui.card.merchant.CardMerchants;
import org.gonghui.card.merchant.DiscountKind;
import org.gonghui.card.merchant.Figures;
import org.gonghui.card.merchant.MerchantCare;
import org.gonghui.card.merchant.MerchantSettings;
import org.gonghui.card.merchant.MerchantView;
import org.gonghui.card.merchant.Offers;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The federation's merchant officers in the console: the merchants, selection (each reviewer's checklist), approval
 * with the contract, accounts, discounts and campaigns, complaints, inspections, the quarterly review and exit; and
 * the discount figures of the staff user's subtree with their Excel export.
 */
@Controller
class MerchantConsoleController {

    private static final String BASE = "/console/card/merchants";

    private final CardMerchants merchants;
    private final Offers offers;
    private final MerchantCare care;
    private final MerchantSettings settings;
    private final Figures figures;
    private final PlatformTime time;
    private final ConsoleActions actions;
    private final org.gonghui.card.merchant.MerchantDocuments documents;

    MerchantConsoleController(CardMerchants merchants, Offers offers, MerchantCare care, MerchantSettings settings,
            Figures figures, PlatformTime time, ConsoleActions actions,
            org.gonghui.card.merchant.MerchantDocuments documents) {
        this.documents = documents;
        this.merchants = merchants;
        this.offers = offers;
        this.care = care;
        this.settings = settings;
        this.figures = figures;
        this.time = time;
        this.actions = actions;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            model.addAttribute("merchants", merchants.all(user));
        } catch (DomainException e) {
            return "redirect:/console/card/figures"; // staff below the city see their subtree's figures only
        }
        model.addAttribute("today", time.today());
        return "card/console/merchants";
    }

    @GetMapping(BASE + "/{id}")
    String merchant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MerchantView m = merchants.officerFind(user, id);
        model.addAttribute("m", m);
        model.addAttribute("outlets", merchants.outlets(id));
        model.addAttribute("checks", merchants.checks(id));
        model.addAttribute("criteria", settings.criteria());
        model.addAttribute("discounts", offers.discounts(id));
        model.addAttribute("campaigns", offers.campaigns(id));
        model.addAttribute("complaints", care.complaints(user, id));
        model.addAttribute("today", time.today());
        model.addAttribute("kinds", DiscountKind.values());
        model.addAttribute("districts", settings.districts());
        model.addAttribute("documents", documents.list(user, id));
        return "card/console/merchant";
    }

    @PostMapping(BASE + "/{id}/outlets")
    String addOutlet(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, OutletFields form, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.addOutlet(user, id, form.outlet()));
    }

    @PostMapping(BASE + "/{id}/outlets/{outlet}")
    String updateOutlet(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long outlet,
            OutletFields form, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.updateOutlet(user, id, outlet, form.outlet()));
    }

    @PostMapping(BASE + "/{id}/check")
    String check(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String criterion,
            @RequestParam(required = false) Boolean passed, @RequestParam(required = false) String note, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.check(user, id, criterion, Boolean.TRUE.equals(passed), note));
    }

    @PostMapping(BASE + "/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String contractNo,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate until,
            @RequestParam(required = false) String note, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.approve(user, id, contractNo, from, until, note));
    }

    @PostMapping(BASE + "/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String note,
            RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.reject(user, id, note));
    }

    @PostMapping(BASE + "/{id}/accounts")
    String account(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
            RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.addAccount(user, id, username, displayName, password));
    }

    @PostMapping(BASE + "/{id}/discounts")
    String discount(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long outlet,
            @RequestParam(required = false) String title, @RequestParam(required = false) DiscountKind kind,
            @RequestParam(required = false) String amount, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> offers.addDiscount(user, id, outlet, title, kind, amount(kind, amount)));
    }

    @PostMapping(BASE + "/{id}/campaigns")
    String campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) DiscountKind kind, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String budget, @RequestParam(required = false) Integer perMember,
            @RequestParam(required = false) LocalDateTime startsAt, @RequestParam(required = false) LocalDateTime endsAt,
            RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> offers.addCampaign(user, id, title, kind, amount(kind, amount),
                MerchantTillController.fen(budget), perMember == null ? 0 : perMember, instant(startsAt), instant(endsAt)));
    }

    @PostMapping(BASE + "/{id}/inspections")
    String inspect(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long outlet,
            @RequestParam(required = false) LocalDate on, @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String findings, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> care.inspect(user, id, outlet, on, score == null ? -1 : score, findings));
    }

    @PostMapping(BASE + "/{id}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> {
            var review = care.review(user, id, year == null ? 0 : year, quarter == null ? 0 : quarter);
            r.addFlashAttribute("review", review);
        });
    }

    @PostMapping(BASE + "/{id}/exit")
    String exit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) LocalDate stopsOn, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> merchants.exit(user, id, reason, stopsOn));
    }

    @PostMapping(BASE + "/{id}/complaints/{complaint}")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long complaint,
            @RequestParam(required = false) Boolean upheld, @RequestParam(required = false) String note, RedirectAttributes r) {
        return actions.run(r, BASE + "/" + id, () -> care.decide(user, complaint, Boolean.TRUE.equals(upheld), note));
    }

    @GetMapping("/console/card/figures")
    String figures(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String by, Model model) {
        int y = year == null ? time.today().getYear() : year;
        Figures.By grouping = FiguresExport.by(by);
        model.addAttribute("year", y);
        model.addAttribute("by", grouping);
        model.addAttribute("groupings", Figures.By.values());
        model.addAttribute("lines", figures.of(user, y, grouping));
        return "card/console/figures";
    }

    @GetMapping("/console/card/figures.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String by, HttpServletResponse response) throws IOException {
        FiguresExport.write(figures, actions, user, year == null ? time.today().getYear() : year, FiguresExport.by(by), response);
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : time.instantOf(local);
    }

    /** Percent as typed, or yuan for amounts and member prices, in fen. */
    static long amount(DiscountKind kind, String typed) {
        if (kind == null || typed == null || typed.isBlank()) {
            throw DomainException.invalid("card.merchant.discount.amount");
        }
        if (kind == DiscountKind.PERCENT) {
            try {
                return Long.parseLong(typed.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("card.merchant.discount.amount");
            }
        }
        return MerchantTillController.fen(typed);
    }
}
