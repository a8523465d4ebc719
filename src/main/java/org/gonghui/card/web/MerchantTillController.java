package org.gonghui.card.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.gonghui.card.merchant.CardMerchants;
import org.gonghui.card.merchant.Figures;
import org.gonghui.card.merchant.MerchantCare;
import org.gonghui.card.merchant.MerchantView;
import org.gonghui.card.merchant.Offers;
import org.gonghui.card.merchant.Till;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 5·1 card at the merchant's till, beside voucher redemption on the merchant's page: scan or type the member's
 * dynamic code (or the card number), enter the bill, and the discount is recorded. Each form carries a fresh
 * idempotency key, so a double tap or a retry records once and shows the first answer. The merchant's account sees
 * only its own outlets, redemptions (members as the masked card number) and figures.
 */
@Controller
class MerchantTillController {

    private final CardMerchants merchants;
    private final Offers offers;
    private final Till till;
    private final Figures figures;
    private final MerchantCare care;
    private final PlatformTime time;
    private final ConsoleActions actions;

    MerchantTillController(CardMerchants merchants, Offers offers, Till till, Figures figures, MerchantCare care,
            PlatformTime time, ConsoleActions actions) {
        this.merchants = merchants;
        this.offers = offers;
        this.till = till;
        this.figures = figures;
        this.care = care;
        this.time = time;
        this.actions = actions;
    }

    @GetMapping("/merchant/card")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        MerchantView merchant = merchants.own(user);
        model.addAttribute("merchant", merchant);
        model.addAttribute("outlets", merchants.outlets(merchant.id()));
        model.addAttribute("discounts", offers.discounts(merchant.id()));
        model.addAttribute("campaigns", offers.campaigns(merchant.id()).stream()
                .filter(c -> c.runningAt(time.now())).toList());
        model.addAttribute("live", merchant.discountsOn(time.today()));
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("year", time.today().getYear());
        model.addAttribute("figures", figures.of(user, time.today().getYear(), Figures.By.OUTLET));
        model.addAttribute("complaints", care.complaints(user, merchant.id()));
        return "card/merchant/till";
    }

    @PostMapping("/merchant/card/redeem")
    String redeem(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long outlet,
            @RequestParam(required = false) String code, @RequestParam(required = false) String number,
            @RequestParam(required = false) String bill, @RequestParam(required = false) Long campaign,
            @RequestParam(required = false) String key, Model model) {
        try {
            long billFen = fen(bill);
            Till.Receipt receipt = till.redeem(user, new Till.Sale(outlet == null ? -1 : outlet, code, number, billFen,
                    campaign, key));
            model.addAttribute("receipt", receipt);
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
            model.addAttribute("code", code);
            model.addAttribute("number", number);
            model.addAttribute("bill", bill);
        }
        model.addAttribute("outlet", outlet);
        return page(user, model);
    }

    @PostMapping("/merchant/card/exit")
    String exit(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String reason,
            @RequestParam(required = false) java.time.LocalDate stopsOn, RedirectAttributes redirect) {
        return actions.run(redirect, "/merchant/card", () -> merchants.exit(user, 0, reason, stopsOn));
    }

    @GetMapping("/merchant/card/figures.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String by, HttpServletResponse response) throws IOException {
        FiguresExport.write(figures, actions, user, year == null ? time.today().getYear() : year,
                FiguresExport.by(by), response);
    }

    /** Yuan as typed (at most two decimals) in fen. */
    static long fen(String yuan) {
        try {
            BigDecimal value = new BigDecimal(yuan == null ? "" : yuan.strip());
            if (value.scale() > 2 || value.signum() <= 0 || value.compareTo(new BigDecimal("1000000")) > 0) {
                throw DomainException.invalid("card.merchant.redeem.bill");
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw DomainException.invalid("card.merchant.redeem.bill");
        }
    }

    static List<String> none() {
        return List.of();
    }
}
