package org.gonghui.aid.web;

import java.math.BigDecimal;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.AidSettings;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.aid.grant.SchoolLevel;
import org.gonghui.aid.grant.SchoolYear;
import org.gonghui.aid.wish.Wishes;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.payment.Entitlements;
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
 * The member's aid pages on the phone: their applications and every payment's progress, applying for hardship aid and
 * for school aid, and their micro-wishes; donors browse open wishes and claim one. Only ever the member's own data.
 */
@Controller
class AidPortalController {

    private final Grants grants;
    private final Wishes wishes;
    private final HardshipArchives archives;
    private final AidSettings settings;
    private final Entitlements entitlements;
    private final PlatformTime time;
    private final ConsoleActions actions;

    AidPortalController(Grants grants, Wishes wishes, HardshipArchives archives, AidSettings settings,
            Entitlements entitlements, PlatformTime time, ConsoleActions actions) {
        this.entitlements = entitlements;
        this.grants = grants;
        this.wishes = wishes;
        this.archives = archives;
        this.settings = settings;
        this.time = time;
        this.actions = actions;
    }

    @GetMapping("/me/aid")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("grants", grants.own(user.memberId()));
        model.addAttribute("standing", archives.current(user.memberId()).orElse(null));
        model.addAttribute("wishes", wishes.own(user.memberId()));
        model.addAttribute("payments", entitlements.ofMember(user.memberId()));
        return "aid/portal/home";
    }

    @GetMapping("/me/aid/grants/{id}")
    String grant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        GrantView grant = grants.ownGrant(user.memberId(), id);
        model.addAttribute("grant", grant);
        model.addAttribute("timeline", grants.timeline(grant.id()));
        return "aid/portal/grant";
    }

    @GetMapping("/me/aid/apply")
    String applyForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("standing", archives.current(user.memberId()).orElse(null));
        model.addAttribute("maxGrant", settings.maxGrant());
        return "aid/portal/apply";
    }

    @PostMapping("/me/aid/apply")
    String apply(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) AidKind kind,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String reason,
            Model model, RedirectAttributes redirect) {
        try {
            GrantView grant = grants.applyForHardshipAid(user.memberId(), kind, amount, reason);
            redirect.addFlashAttribute("notice", actions.message("aid.apply.done"));
            return "redirect:/me/aid/grants/" + grant.id();
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
            model.addAttribute("reason", reason);
            return applyForm(user, model);
        }
    }

    @GetMapping("/me/aid/school")
    String schoolForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("standing", archives.current(user.memberId()).orElse(null));
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("amounts", settings.schoolAmounts());
        model.addAttribute("schoolYear", SchoolYear.applyingOn(time.today()));
        return "aid/portal/school";
    }

    @PostMapping("/me/aid/school")
    String applySchool(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String childName,
            @RequestParam(defaultValue = "") String childIdNumber, @RequestParam(required = false) SchoolLevel level,
            @RequestParam(defaultValue = "") String schoolName, Model model, RedirectAttributes redirect) {
        try {
            GrantView grant = grants.applyForSchoolAid(user.memberId(), childName, childIdNumber, level, schoolName);
            redirect.addFlashAttribute("notice", actions.message("aid.apply.done"));
            return "redirect:/me/aid/grants/" + grant.id();
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
            model.addAttribute("childName", childName);
            model.addAttribute("schoolName", schoolName);
            return schoolForm(user, model);
        }
    }

    @GetMapping("/me/wishes")
    String myWishes(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("wishes", wishes.own(user.memberId()));
        model.addAttribute("standing", archives.current(user.memberId()).orElse(null));
        model.addAttribute("wishMax", settings.wishMax());
        model.addAttribute("claimed", wishes.claimedBy(user.memberId()));
        return "aid/portal/wishes";
    }

    @PostMapping("/me/wishes")
    String post(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String story, @RequestParam(required = false) BigDecimal amount,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/me/wishes", () -> wishes.post(user.memberId(), title, story, amount));
    }

    @PostMapping("/me/wishes/{id}/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String thanks, RedirectAttributes redirect) {
        return actions.run(redirect, "/me/wishes", () -> wishes.confirm(user.memberId(), id, thanks));
    }

    @PostMapping("/me/wishes/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return actions.run(redirect, "/me/wishes", () -> wishes.withdraw(user.memberId(), id));
    }

    @GetMapping("/me/wishes/browse")
    String browse(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", wishes.open(page, 20));
        model.addAttribute("baseUrl", "/me/wishes/browse");
        return "aid/portal/browse";
    }

    @PostMapping("/me/wishes/browse/{id}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            wishes.claimAsMember(user.memberId(), id);
            redirect.addFlashAttribute("notice", actions.message("aid.wish.claimed"));
            return "redirect:/me/wishes";
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
            return "redirect:/me/wishes/browse";
        }
    }
}
