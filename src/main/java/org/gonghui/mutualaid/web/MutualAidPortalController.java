package org.gonghui.mutualaid.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.mutualaid.ClaimView;
import org.gonghui.mutualaid.Claims;
import org.gonghui.mutualaid.CoverYear;
import org.gonghui.mutualaid.DocumentChecklist;
import org.gonghui.mutualaid.DocumentType;
import org.gonghui.mutualaid.EnrolmentView;
import org.gonghui.mutualaid.Enrolments;
import org.gonghui.mutualaid.PlanView;
import org.gonghui.mutualaid.Plans;
import org.gonghui.mutualaid.ReferenceRules;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's mutual-aid pages (mobile first): enrolments and certificates, starting a claim, uploading
 * documents from the phone's camera, answering a document request, following the claim. Only ever the
 * signed-in member's own enrolments and claims.
 */
@Controller
@RequestMapping("/me/mutual-aid")
class MutualAidPortalController {

    private final Enrolments enrolments;
    private final Claims claims;
    private final Plans plans;
    private final Members members;
    private final MessageSource messages;
    private final PlatformTime time;

    MutualAidPortalController(Enrolments enrolments, Claims claims, Plans plans, Members members,
            MessageSource messages, PlatformTime time) {
        this.time = time;
        this.enrolments = enrolments;
        this.claims = claims;
        this.plans = plans;
        this.members = members;
        this.messages = messages;
    }

    @GetMapping
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        MemberView member = self(user);
        CoverYear year = CoverYear.of(time.today());
        List<EnrolmentView> mine = enrolments.ofMember(member.id());
        model.addAttribute("member", member);
        model.addAttribute("enrolments", mine);
        model.addAttribute("claims", claims.mineInDetail(user));
        model.addAttribute("year", year);
        boolean retireeCanEnrol = member.type() == MemberType.RETIRED
                && plans.find(ReferenceRules.RETIREE, year).isPresent()
                && mine.stream().noneMatch(e -> e.project().equals(ReferenceRules.RETIREE) && e.coverYear().equals(year));
        model.addAttribute("retireeCanEnrol", retireeCanEnrol);
        return "mutualaid/portal/home";
    }

    @PostMapping("/enrol")
    String enrolSelf(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean healthDeclared,
            @RequestParam(defaultValue = "") String paymentRef, RedirectAttributes redirect) {
        try {
            EnrolmentView enrolment = enrolments.enrolSelf(user, ReferenceRules.RETIREE, CoverYear.of(time.today()), 1,
                    healthDeclared, paymentRef, time.today());
            return "redirect:/me/mutual-aid/enrolments/" + enrolment.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/me/mutual-aid";
        }
    }

    @GetMapping("/enrolments/{id}")
    String certificate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("enrolment", enrolments.certificate(user, id));
        model.addAttribute("member", self(user));
        return "mutualaid/portal/certificate";
    }

    /** The claim form for one of the member's plans ({@code project}; the first plan when none is chosen). */
    @GetMapping("/claims/new")
    String newClaim(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String project,
            Model model) {
        ClaimFormData form = new ClaimFormData();
        form.setProject(project);
        model.addAttribute("form", form);
        return claimForm(user, model);
    }

    @PostMapping("/claims")
    String submit(@AuthenticationPrincipal CurrentUser user, ClaimFormData form, Model model) {
        try {
            ClaimView claim = claims.submit(user, user.memberId(), form.toForm());
            return "redirect:/me/mutual-aid/claims/" + claim.id() + "?submitted";
        } catch (DomainException e) {
            model.addAttribute("form", form);
            model.addAttribute("error", message(e));
            return claimForm(user, model);
        }
    }

    @GetMapping("/claims/{id}")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("details", claims.details(user, id));
        model.addAttribute("documentTypes", DocumentType.values());
        return "mutualaid/portal/claim";
    }

    @PostMapping("/claims/{id}/documents")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam DocumentType type,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            claims.upload(user, id, type, file);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/me/mutual-aid/claims/" + id;
    }

    @PostMapping("/claims/{id}/answer")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            claims.answerDocumentRequest(user, id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/me/mutual-aid/claims/" + id;
    }

    @GetMapping("/claims/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        return Documents.inline(claims.openDocument(user, id, documentId));
    }

    private String claimForm(CurrentUser user, Model model) {
        CoverYear year = CoverYear.of(time.today());
        Map<String, List<DocumentType>> checklists = new LinkedHashMap<>();
        Map<String, PlanView> enrolledPlans = new LinkedHashMap<>();
        for (EnrolmentView enrolment : enrolments.ofMember(user.memberId())) {
            if (enrolment.coverYear().compareTo(year.previous()) >= 0 && !enrolledPlans.containsKey(enrolment.project())) {
                PlanView plan = plans.require(enrolment.planId());
                enrolledPlans.put(enrolment.project(), plan);
                checklists.put(enrolment.project(), DocumentChecklist.required(plan.rules().kind()));
            }
        }
        model.addAttribute("plans", enrolledPlans);
        model.addAttribute("checklists", checklists);
        // the form shows only the chosen plan's fields: the page works without script, claim-form.js switches at once
        Object form = model.getAttribute("form");
        String chosen = form instanceof ClaimFormData data && enrolledPlans.containsKey(data.getProject())
                ? data.getProject() : enrolledPlans.keySet().stream().findFirst().orElse(null);
        if (form instanceof ClaimFormData data) {
            data.setProject(chosen);
        }
        model.addAttribute("chosen", chosen);
        model.addAttribute("chosenKind", chosen == null ? null : enrolledPlans.get(chosen).rules().kind().name());
        Map<String, List<String>> diseases = new LinkedHashMap<>();
        enrolledPlans.forEach((project, plan) -> {
            if (plan.rules().fixedSum() != null) {
                diseases.put(project, plan.rules().fixedSum().diseases().stream().sorted().toList());
            }
        });
        model.addAttribute("diseases", diseases);
        model.addAttribute("today", time.today());
        return "mutualaid/portal/claim-form";
    }

    private MemberView self(CurrentUser user) {
        return members.find(user.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
    }

    private String message(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale());
    }
}
