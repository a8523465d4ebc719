package org.gonghui.activity.web;

import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.gonghui.activity.Activities;
import org.gonghui.activity.ActivityCategory;
import org.gonghui.activity.ActivityForm;
import org.gonghui.activity.ActivityView;
import org.gonghui.activity.AllocationMode;
import org.gonghui.activity.Attendance;
import org.gonghui.activity.CheckIn;
import org.gonghui.activity.LotteryDraws;
import org.gonghui.activity.Merchants;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.activity.Welfare;
import org.gonghui.activity.WelfareOfferForm;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff console for activities, welfare offers and merchants; limited to the staff user's subtree. */
@Controller
@RequestMapping("/console/activities")
class ActivityConsoleController {

    private final Activities activities;
    private final Attendance attendance;
    private final LotteryDraws lotteries;
    private final Welfare welfare;
    private final Merchants merchants;
    private final ConsoleActions actions;
    private final PlatformTime time;

    ActivityConsoleController(Activities activities, Attendance attendance, LotteryDraws lotteries, Welfare welfare,
            Merchants merchants, ConsoleActions actions, PlatformTime time) {
        this.time = time;
        this.activities = activities;
        this.attendance = attendance;
        this.lotteries = lotteries;
        this.welfare = welfare;
        this.merchants = merchants;
        this.actions = actions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", activities.staffList(user, q, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("now", activities.now());
        model.addAttribute("baseUrl", q == null || q.isBlank() ? "/console/activities"
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/console/activities").queryParam("q", q)
                        .build().encode().toUriString());
        return "activity/console/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String create(Model model) {
        return form(model, ActivityForm.blank(time.clock()), null, null);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String publish(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ActivityForm form, Model model,
            RedirectAttributes redirect) {
        try {
            ActivityView a = activities.publish(user, form);
            redirect.addFlashAttribute("notice", "activity.published");
            return "redirect:/console/activities/" + a.id();
        } catch (DomainException e) {
            return form(model, form, null, message(e));
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return form(model, activities.formOf(user, id), id, null);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute ActivityForm form,
            Model model, RedirectAttributes redirect) {
        try {
            activities.update(user, id, form);
            redirect.addFlashAttribute("notice", "activity.saved");
            return "redirect:/console/activities/" + id;
        } catch (DomainException e) {
            return form(model, form, id, message(e));
        }
    }

    private String form(Model model, ActivityForm form, Long id, String error) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("error", error);
        model.addAttribute("categories", ActivityCategory.values());
        model.addAttribute("modes", AllocationMode.values());
        model.addAttribute("types", MemberType.values());
        return "activity/console/form";
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) RegistrationStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ActivityView a = activities.requireInScope(user, id);
        model.addAttribute("a", a);
        model.addAttribute("figures", activities.figures(user, id));
        model.addAttribute("free", activities.freePlaces(a));
        model.addAttribute("status", status);
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("page", activities.registrations(user, id, status, page, 50));
        model.addAttribute("draw", a.isLottery() ? lotteries.published(id) : null);
        model.addAttribute("now", activities.now());
        model.addAttribute("baseUrl", "/console/activities/" + id + (status == null ? "" : "?status=" + status));
        return "activity/console/detail";
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> activities.close(user, id), "activity.closed");
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> activities.cancel(user, id), "activity.cancelled");
    }

    @PostMapping("/{id}/lottery/freeze")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String freeze(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> lotteries.freeze(user, id), "lottery.frozen");
    }

    @PostMapping("/{id}/lottery/draw")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String draw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String seed, RedirectAttributes redirect) {
        return act(id, redirect, () -> lotteries.draw(user, id, seed), "lottery.drawn");
    }

    @PostMapping("/{id}/check-in")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String code,
            RedirectAttributes redirect) {
        try {
            CheckIn in = attendance.checkIn(user, id, code);
            redirect.addFlashAttribute("checkedIn", in);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/console/activities/" + id;
    }

    @PostMapping("/{id}/close-attendance")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String closeAttendance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> attendance.closeAttendance(user, id), "checkin.attendance-closed");
    }

    @GetMapping("/{id}/shipping.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    ResponseEntity<byte[]> shipping(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        List<List<Object>> rows = attendance.shippingList(user, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, text("shipping.sheet"), List.of(text("shipping.registration"), text("activity.title"),
                text("shipping.recipient"), text("shipping.phone"), text("shipping.address"), text("registration.place"),
                text("shipping.member"), text("shipping.organisation"), text("shipping.member-phone")),
                rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("shipping-" + id + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    // ---- welfare offers and merchants

    @GetMapping("/welfare")
    String offers(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        var offers = welfare.staffList(user, page, 20);
        java.util.Map<Long, long[]> figures = new java.util.LinkedHashMap<>();
        offers.items().forEach(o -> figures.put(o.id(), welfare.figures(user, o.id())));
        model.addAttribute("page", offers);
        model.addAttribute("figures", figures);
        model.addAttribute("merchants", merchants.all());
        model.addAttribute("baseUrl", "/console/activities/welfare");
        return "activity/console/welfare";
    }

    @GetMapping("/welfare/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String newOffer(Model model) {
        return offerForm(model, WelfareOfferForm.blank(time.clock()), null);
    }

    @PostMapping("/welfare")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String publishOffer(@AuthenticationPrincipal CurrentUser user, @ModelAttribute WelfareOfferForm form, Model model,
            RedirectAttributes redirect) {
        try {
            welfare.publish(user, form);
            redirect.addFlashAttribute("notice", "welfare.published");
            return "redirect:/console/activities/welfare";
        } catch (DomainException e) {
            return offerForm(model, form, message(e));
        }
    }

    private String offerForm(Model model, WelfareOfferForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("types", MemberType.values());
        model.addAttribute("merchants", merchants.all());
        return "activity/console/welfare-form";
    }

    @PostMapping("/merchants")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String createMerchant(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String name,
            @RequestParam(required = false) @Size(max = 1000) String outlets, @RequestParam(required = false) String username,
            @RequestParam(required = false) String password, RedirectAttributes redirect) {
        try {
            merchants.create(user, name, outlets, username, password);
            redirect.addFlashAttribute("notice", "merchant.created");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/console/activities/welfare";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/console/activities/" + id;
    }

    private String message(DomainException e) {
        return actions.reason(e);
    }

    private String text(String code) {
        return actions.message(code);
    }
}
