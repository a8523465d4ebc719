package org.gonghui.hardship.web;

import java.util.List;
import org.gonghui.hardship.internal.ArchiveRecords;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.Household;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's hardship pages on the phone: apply, follow each archive with its steps and explanation, correct. */
@Controller
class HardshipPortalController {

    private final HardshipApplications applications;
    private final ArchiveRecords records;
    private final ConsoleActions actions;

    HardshipPortalController(HardshipApplications applications, ArchiveRecords records, ConsoleActions actions) {
        this.applications = applications;
        this.records = records;
        this.actions = actions;
    }

    @GetMapping("/me/hardship")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<ArchiveView> own = applications.ownArchives(user.memberId());
        model.addAttribute("archives", own);
        model.addAttribute("canApply", own.stream().noneMatch(a -> a.status().open()));
        form(model);
        return "hardship/portal/home";
    }

    static void form(Model model) {
        model.addAttribute("rows", HouseholdForm.ROWS);
        model.addAttribute("causes", Cause.values());
        model.addAttribute("relations", Household.Relation.values());
    }

    @PostMapping("/me/hardship")
    String apply(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) List<String> name,
            @RequestParam(required = false) List<String> idNumber, @RequestParam(required = false) List<String> relation,
            @RequestParam(required = false) List<String> income, @RequestParam(defaultValue = "") String medical,
            @RequestParam(defaultValue = "") String education, @RequestParam(defaultValue = "") String disability,
            @RequestParam(defaultValue = "") String cause, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/me/hardship", () -> applications.apply(user.memberId(),
                HouseholdForm.parse(name, idNumber, relation, income, medical, education, disability, cause, note)));
    }

    @GetMapping("/me/hardship/{id}")
    String archive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("archive", applications.own(user.memberId(), id));
        model.addAttribute("assessment", records.own(user.memberId(), id));
        model.addAttribute("steps", applications.steps(id));
        model.addAttribute("documents", records.documents(id));
        form(model);
        return "hardship/portal/archive";
    }

    @PostMapping("/me/hardship/{id}")
    String resubmit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) List<String> name, @RequestParam(required = false) List<String> idNumber,
            @RequestParam(required = false) List<String> relation, @RequestParam(required = false) List<String> income,
            @RequestParam(defaultValue = "") String medical, @RequestParam(defaultValue = "") String education,
            @RequestParam(defaultValue = "") String disability, @RequestParam(defaultValue = "") String cause,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return actions.run(redirect, "/me/hardship/" + id, () -> applications.resubmit(user.memberId(), id,
                HouseholdForm.parse(name, idNumber, relation, income, medical, education, disability, cause, note)));
    }

    @PostMapping("/me/hardship/{id}/documents")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return actions.run(redirect, "/me/hardship/" + id,
                () -> records.attach(applications.own(user.memberId(), id), file, "member:" + user.memberId()));
    }
}
