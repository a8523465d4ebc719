package org.gonghui.activity.web;

import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.activity.Activities;
import org.gonghui.activity.ActivityCategory;
import org.gonghui.activity.ActivityView;
import org.gonghui.activity.LotteryDraw;
import org.gonghui.activity.LotteryDraws;
import org.gonghui.activity.RegistrationView;
import org.gonghui.activity.Registrations;
import org.gonghui.activity.ShippingAddress;
import org.gonghui.activity.VoucherView;
import org.gonghui.activity.Welfare;
import org.gonghui.activity.WelfareOfferView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member portal (mobile first): browse and register under {@code /activities}, one's own registrations
 * and vouchers under {@code /me/activities}. Staff who open the portal pages are sent to the console.
 */
@Controller
class ActivityPortalController {

    private final Activities activities;
    private final Registrations registrations;
    private final Welfare welfare;
    private final LotteryDraws lotteries;
    private final MessageSource messages;

    ActivityPortalController(Activities activities, Registrations registrations, Welfare welfare, LotteryDraws lotteries,
            MessageSource messages) {
        this.activities = activities;
        this.registrations = registrations;
        this.welfare = welfare;
        this.lotteries = lotteries;
        this.messages = messages;
    }

    @GetMapping("/activities")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ActivityCategory category,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (!user.isMember()) {
            return "redirect:/console/activities";
        }
        model.addAttribute("page", activities.browse(user.memberId(), category, page, 20));
        model.addAttribute("category", category);
        model.addAttribute("categories", ActivityCategory.values());
        model.addAttribute("now", activities.now());
        model.addAttribute("baseUrl", category == null ? "/activities" : "/activities?category=" + category);
        return "activity/portal/list";
    }

    @GetMapping("/activities/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        if (!user.isMember()) {
            return "redirect:/console/activities/" + id;
        }
        ActivityView a = activities.forMember(user.memberId(), id);
        model.addAttribute("a", a);
        model.addAttribute("now", activities.now());
        model.addAttribute("phase", a.phase(activities.now()).name());
        model.addAttribute("free", registrations.freePlacesFor(a, user.memberId()));
        model.addAttribute("mine", registrations.mine(user.memberId(), id).orElse(null));
        return "activity/portal/detail";
    }

    @PostMapping("/activities/{id}/register")
    String register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String recipient, @RequestParam(required = false) String phone,
            @RequestParam(required = false) @Size(max = 300) String address, @RequestParam(defaultValue = "false") boolean waitlist,
            Model model, RedirectAttributes redirect) {
        try {
            RegistrationView r = registrations.register(user.memberId(), id, new ShippingAddress(recipient, phone, address),
                    waitlist);
            redirect.addFlashAttribute("notice", "activity.registered." + r.status());
            return "redirect:/me/activities/" + r.id();
        } catch (DomainException e) {
            model.addAttribute("error", message(e));
            model.addAttribute("errorCode", e.code());
            model.addAttribute("recipient", recipient);
            model.addAttribute("phone", phone);
            model.addAttribute("address", address);
            return detail(user, id, model);
        }
    }

    @GetMapping("/activities/{id}/draw")
    String draw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ActivityView a = user.isMember() ? activities.forMember(user.memberId(), id) : activities.requireInScope(user, id);
        var published = lotteries.published(id);
        model.addAttribute("a", a);
        model.addAttribute("draw", published);
        model.addAttribute("canonical", LotteryDraw.canonical(published.entries()));
        model.addAttribute("mine", user.isMember() ? registrations.mine(user.memberId(), id).orElse(null) : null);
        return "activity/portal/draw";
    }

    @GetMapping("/activities/welfare")
    String offers(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        if (!user.isMember()) {
            return "redirect:/console/activities/welfare";
        }
        var offers = welfare.browse(user.memberId(), page, 20);
        Map<Long, Integer> remaining = new LinkedHashMap<>();
        offers.items().forEach(o -> remaining.put(o.id(), welfare.remaining(o)));
        model.addAttribute("page", offers);
        model.addAttribute("remaining", remaining);
        model.addAttribute("now", activities.now());
        model.addAttribute("baseUrl", "/activities/welfare");
        return "activity/portal/welfare";
    }

    @PostMapping("/activities/welfare/{offerId}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long offerId, RedirectAttributes redirect) {
        try {
            VoucherView v = welfare.claim(user.memberId(), offerId);
            redirect.addFlashAttribute("notice", "welfare.claimed.notice");
            return "redirect:/me/activities/vouchers/" + v.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/activities/welfare";
        }
    }

    @GetMapping("/me/activities")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        var history = registrations.history(user.memberId(), page, 20);
        Map<Long, ActivityView> titles = new LinkedHashMap<>();
        history.items().forEach(r -> activities.find(r.activityId()).ifPresent(a -> titles.put(a.id(), a)));
        List<VoucherView> vouchers = welfare.vouchers(user.memberId(), 0, 50).items();
        Map<Long, WelfareOfferView> offers = new LinkedHashMap<>();
        vouchers.forEach(v -> welfare.find(v.offerId()).ifPresent(o -> offers.put(o.id(), o)));
        model.addAttribute("page", history);
        model.addAttribute("activities", titles);
        model.addAttribute("vouchers", vouchers);
        model.addAttribute("offers", offers);
        model.addAttribute("baseUrl", "/me/activities");
        return "activity/portal/mine";
    }

    @GetMapping("/me/activities/{registrationId}")
    String registration(@AuthenticationPrincipal CurrentUser user, @PathVariable long registrationId, Model model) {
        RegistrationView r = registrations.mineById(user.memberId(), registrationId);
        ActivityView a = activities.find(r.activityId()).orElseThrow();
        model.addAttribute("r", r);
        model.addAttribute("a", a);
        model.addAttribute("now", activities.now());
        model.addAttribute("qr", r.status().name().equals("CONFIRMED") ? QrCodes.svg(r.checkInCode()) : null);
        return "activity/portal/registration";
    }

    @PostMapping("/me/activities/{registrationId}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long registrationId,
            RedirectAttributes redirect) {
        try {
            registrations.cancel(user.memberId(), registrationId);
            redirect.addFlashAttribute("notice", "registration.cancelled");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/me/activities/" + registrationId;
    }

    @PostMapping("/me/activities/{registrationId}/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long registrationId,
            RedirectAttributes redirect) {
        try {
            registrations.confirmOffer(user.memberId(), registrationId);
            redirect.addFlashAttribute("notice", "registration.confirmed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/me/activities/" + registrationId;
    }

    @GetMapping("/me/activities/vouchers/{voucherId}")
    String voucher(@AuthenticationPrincipal CurrentUser user, @PathVariable long voucherId, Model model) {
        VoucherView v = welfare.voucherOf(user.memberId(), voucherId);
        model.addAttribute("v", v);
        model.addAttribute("offer", welfare.find(v.offerId()).orElseThrow());
        model.addAttribute("qr", v.redeemed() ? null : QrCodes.svg(v.code()));
        return "activity/portal/voucher";
    }

    private String message(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale());
    }
}
