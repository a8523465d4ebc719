package org.gonghui.helpdesk.web;

import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gonghui.helpdesk.Channel;
import org.gonghui.helpdesk.EventKind;
import org.gonghui.helpdesk.HelpRequestDetails;
import org.gonghui.helpdesk.HelpRequestEventView;
import org.gonghui.helpdesk.HelpRequestSummary;
import org.gonghui.helpdesk.HelpRequestView;
import org.gonghui.helpdesk.HelpRequests;
import org.gonghui.helpdesk.NewHelpRequest;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.helpdesk.Satisfaction;
import org.gonghui.helpdesk.Subtypes;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's 12351 pages (phone first): my requests with their light, what happens next and the latest reply; a
 * new request (type, sub-type with its fields, photos, "against my employer"); a request's page with the replies.
 * Only ever the signed-in member's own requests: another's answers 404.
 */
@Controller
@RequestMapping("/help")
class HelpdeskPortalController {

    private static final int PAGE_SIZE = 10;
    private static final int MAX_FILES = 9;

    private final HelpRequests requests;
    private final Subtypes subtypes;
    private final ConsoleActions actions;
    private final TransactionTemplate transactions;
    private final PlatformTime time;

    HelpdeskPortalController(HelpRequests requests, Subtypes subtypes, ConsoleActions actions,
            TransactionTemplate transactions, PlatformTime time) {
        this.time = time;
        this.requests = requests;
        this.subtypes = subtypes;
        this.actions = actions;
        this.transactions = transactions;
    }

    /** A request in the member's list: the request, what happens next and the latest reply (or null). */
    record Card(HelpRequestView request, MemberNextStep next, HelpRequestEventView latestReply) {
    }

    @GetMapping
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        PageResult<HelpRequestSummary> mine = requests.mine(user, page, PAGE_SIZE);
        List<Card> cards = mine.items().stream().map(s -> card(requests.view(user, s.id()))).toList();
        model.addAttribute("page", mine);
        model.addAttribute("cards", cards);
        return "helpdesk/portal/home";
    }

    @GetMapping("/new")
    String newRequest(@RequestParam(required = false) RequestType type, Model model) {
        return form(HelpForm.empty(type), Map.of(), null, model);
    }

    /** The request and its photos and documents are stored together, or nothing is. */
    @PostMapping
    String submit(@AuthenticationPrincipal CurrentUser user, HelpForm form, @RequestParam Map<String, String> params,
            @RequestParam(required = false) List<MultipartFile> files, Model model) {
        Map<String, String> answers = FormAnswerParams.of(form.subtype(), params);
        try {
            HelpRequestView submitted = transactions.execute(status -> {
                HelpRequestView stored = requests.submit(user, new NewHelpRequest(form.type(), form.subtype(),
                        form.subject(), form.content(), answers, form.againstEmployer(), blank(form.contactPhone())),
                        Channel.PORTAL);
                attachAll(user, stored.id(), files);
                return stored;
            });
            return "redirect:/help/" + submitted.id() + "?submitted";
        } catch (DomainException e) {
            return form(form, answers, actions.reason(e), model);
        }
    }

    @GetMapping("/{id}")
    String request(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        HelpRequestDetails details = requests.view(user, id);
        model.addAttribute("details", details);
        model.addAttribute("card", card(details));
        model.addAttribute("satisfactions", Satisfaction.values());
        return "helpdesk/portal/request";
    }

    /** The member adds information (text, photos or both) to their open request; a question asked resumes the clock. */
    @PostMapping("/{id}/information")
    String addInformation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String text,
            @RequestParam(required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        requests.view(user, id);
        try {
            transactions.executeWithoutResult(status -> {
                boolean anyFile = files != null && files.stream().anyMatch(f -> f != null && !f.isEmpty());
                if (text != null && !text.isBlank() || !anyFile) {
                    requests.addInformation(user, id, text);
                }
                attachAll(user, id, files);
            });
            redirect.addFlashAttribute("notice", actions.message("helpdesk.portal.information-added"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/help/" + id;
    }

    /** The member rates the result once it is closed: 满意 / 基本满意 / 不满意 (which reopens it once). */
    @PostMapping("/{id}/rating")
    String rate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Satisfaction satisfaction,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String comment, RedirectAttributes redirect) {
        requests.view(user, id);
        try {
            if (satisfaction == null) {
                throw DomainException.invalid("helpdesk.rate.required");
            }
            requests.rate(user, id, satisfaction, blank(comment));
            redirect.addFlashAttribute("notice", actions.message("helpdesk.portal.rated"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/help/" + id;
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        return DocumentResponses.inline(requests.openDocument(user, id, documentId));
    }

    private void attachAll(CurrentUser user, long id, List<MultipartFile> files) {
        if (files == null) {
            return;
        }
        if (files.size() > MAX_FILES) {
            throw DomainException.invalid("helpdesk.portal.too-many-files", MAX_FILES);
        }
        for (MultipartFile file : files) {
            if (file != null && !file.isEmpty()) {
                requests.attach(user, id, file);
            }
        }
    }

    private String form(HelpForm form, Map<String, String> answers, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("error", error);
        model.addAttribute("uploads", true);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("subtypes", subtypes.all());
        return "helpdesk/portal/form";
    }

    private Card card(HelpRequestDetails details) {
        HelpRequestEventView latest = details.history().stream().filter(e -> e.kind() == EventKind.REPLY)
                .max(Comparator.comparing(HelpRequestEventView::at).thenComparing(HelpRequestEventView::id))
                .orElse(null);
        return new Card(details.request(), MemberNextStep.of(time.now(), details.request()), latest);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
