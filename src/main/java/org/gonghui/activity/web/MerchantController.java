package org.gonghui.activity.web;

import java.util.UUID;
import org.gonghui.activity.Merchants;
import org.gonghui.activity.Redemption;
import org.gonghui.activity.Welfare;
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

/**
 * The merchant's page: type or scan a voucher code and redeem it. Each form carries a fresh idempotency key, so
 * submitting the same form twice (a double tap, a retry after a timeout) redeems once and shows the same answer.
 */
@Controller
class MerchantController {

    private final Merchants merchants;
    private final Welfare welfare;
    private final MessageSource messages;

    MerchantController(Merchants merchants, Welfare welfare, MessageSource messages) {
        this.merchants = merchants;
        this.welfare = welfare;
        this.messages = messages;
    }

    @GetMapping("/merchant")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("merchant", merchants.of(user));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "activity/merchant";
    }

    @PostMapping("/merchant/redeem")
    String redeem(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String code,
            @RequestParam(required = false) String outlet, @RequestParam(required = false) String key, Model model) {
        try {
            Redemption r = welfare.redeem(merchants.of(user).id(), code, outlet, key);
            model.addAttribute("redemption", r);
        } catch (DomainException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale()));
            model.addAttribute("code", code);
        }
        model.addAttribute("outlet", outlet);
        return page(user, model);
    }
}
