package org.gonghui.helpdesk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gonghui.helpdesk.CityAdmins;
import org.gonghui.helpdesk.Difficulty;
import org.gonghui.helpdesk.LightRule;
import org.gonghui.helpdesk.Limits;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.helpdesk.TimeLimitVersion;
import org.gonghui.helpdesk.TimeLimits;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The versions of the time limits, read-only for staff; the city's admins add a new version with a form prefilled
 * from the one in force (field names {@code TYPE.DIFFICULTY.first|next|resolution} and the light rule's).
 */
@Controller
@RequestMapping("/console/helpdesk/time-limits")
class TimeLimitConsoleController {

    private final TimeLimits timeLimits;
    private final ConsoleActions actions;
    private final PlatformTime time;

    TimeLimitConsoleController(TimeLimits timeLimits, ConsoleActions actions, PlatformTime time) {
        this.timeLimits = timeLimits;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String versions(@AuthenticationPrincipal CurrentUser user, Model model) {
        TreePath.scopeOf(user);
        TimeLimitVersion current = timeLimits.current();
        model.addAttribute("versions", timeLimits.versions());
        model.addAttribute("current", current);
        model.addAttribute("now", time.now());
        model.addAttribute("types", RequestType.values());
        model.addAttribute("difficulties", Difficulty.values());
        model.addAttribute("mayEdit", CityAdmins.is(user));
        model.addAttribute("earliest", time.today().plusDays(1));
        return "helpdesk/console/time-limits";
    }

    @PostMapping
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/helpdesk/time-limits", () -> {
            CityAdmins.require(user);
            Map<RequestType, Map<Difficulty, Limits>> limits = new EnumMap<>(RequestType.class);
            for (RequestType type : RequestType.values()) {
                for (Difficulty difficulty : Difficulty.values()) {
                    String prefix = type + "." + difficulty + ".";
                    limits.computeIfAbsent(type, t -> new EnumMap<>(Difficulty.class)).put(difficulty,
                            limits(days(form, prefix + "first"), days(form, prefix + "next"),
                                    days(form, prefix + "resolution")));
                }
            }
            LightRule rule = rule(days(form, "yellowAfterUnansweredDays"), share(form.get("yellowShareOfResolution")),
                    days(form, "redAfterYellowDays"));
            timeLimits.add(user, validFrom(form.get("validFrom")), limits, rule, days(form, "callbackDays"),
                    days(form, "duplicateWindowDays"));
        });
    }

    private static Limits limits(int first, int next, int resolution) {
        try {
            return new Limits(first, next, resolution);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("helpdesk.limits.invalid");
        }
    }

    private static LightRule rule(int yellowAfter, BigDecimal share, int redAfter) {
        try {
            return new LightRule(yellowAfter, share, redAfter);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("helpdesk.limits.invalid");
        }
    }

    private static int days(Map<String, String> form, String field) {
        String value = form.getOrDefault(field, "").strip();
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > Limits.MAX_DAYS) {
            throw DomainException.invalid("helpdesk.limits.field.invalid", value);
        }
        return Integer.parseInt(value);
    }

    private static BigDecimal share(String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("(0?\\.[0-9]{1,2}|1(\\.0{1,2})?)") || new BigDecimal(value).signum() <= 0) {
            throw DomainException.invalid("helpdesk.limits.share.invalid");
        }
        return new BigDecimal(value);
    }

    private static LocalDate validFrom(String text) {
        LocalDate day = CalendarForms.day(text);
        if (day == null) {
            throw DomainException.invalid("helpdesk.limits.valid-from.required");
        }
        return day;
    }
}
