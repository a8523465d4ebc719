package org.gonghui.helpdesk.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.helpdesk.Channel;
import org.gonghui.helpdesk.Difficulty;
import org.gonghui.helpdesk.HelpRequestContacts;
import org.gonghui.helpdesk.HelpRequestDetails;
import org.gonghui.helpdesk.HelpRequestQuery;
import org.gonghui.helpdesk.HelpRequestView;
import org.gonghui.helpdesk.HelpRequests;
import org.gonghui.helpdesk.Lawyers;
import org.gonghui.helpdesk.Light;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.helpdesk.Registration;
import org.gonghui.helpdesk.RequestStatus;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.helpdesk.Satisfaction;
import org.gonghui.helpdesk.Subtypes;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PlausibleDates;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff console of the 12351 help desk: the subtree's requests by urgency with the traffic light and the three
 * deadlines, a request's page with every action its state allows, and registration at a window or from the
 * hotline. A request outside the user's scope (or one they are excluded from) answers 404, for pages and actions
 * alike ({@link ConsoleActions}).
 */
@Controller
@RequestMapping("/console/helpdesk")
class HelpdeskConsoleController {

    private static final int PICKER_SIZE = 100;

    private final HelpRequests requests;
    private final HelpRequestContacts contacts;
    private final Subtypes subtypes;
    private final Organisations organisations;
    private final ConsoleActions actions;
    private final PlatformTime time;
    private final TransactionTemplate transactions;
    private final Lawyers lawyers;

    HelpdeskConsoleController(HelpRequests requests, HelpRequestContacts contacts, Subtypes subtypes,
            Organisations organisations, ConsoleActions actions, PlatformTime time, TransactionTemplate transactions,
            Lawyers lawyers) {
        this.lawyers = lawyers;
        this.transactions = transactions;
        this.requests = requests;
        this.contacts = contacts;
        this.subtypes = subtypes;
        this.organisations = organisations;
        this.actions = actions;
        this.time = time;
    }

    /** The list's filter as the form shows it again. */
    record Filter(Light light, RequestStatus status, RequestType type, Channel channel, Long orgId, LocalDate from,
            LocalDate to, String q) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Light light,
            @RequestParam(required = false) RequestStatus status, @RequestParam(required = false) RequestType type,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 100) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        PlausibleDates.require(from, to);
        Filter filter = new Filter(light, status, type, channel, orgId, from, to, blank(q));
        HelpRequestQuery query = new HelpRequestQuery(status, type, light, channel, orgId, null, filter.q(),
                from == null ? null : time.startOf(from), to == null ? null : time.startOf(to.plusDays(1)));
        model.addAttribute("filter", filter);
        model.addAttribute("page", requests.search(user, query, page, 20));
        model.addAttribute("lights", Light.values());
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("types", RequestType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("orgs", organisations.search(TreePath.scopeOf(user), null, null, false, 0, PICKER_SIZE).items());
        model.addAttribute("baseUrl", link(filter));
        model.addAttribute("now", time.now());
        return "helpdesk/console/list";
    }

    @GetMapping("/requests/{id}")
    String request(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Size(max = 100) String pick, Model model) {
        HelpRequestDetails details = requests.view(user, id);
        HelpRequestView r = details.request();
        model.addAttribute("details", details);
        model.addAttribute("r", r);
        model.addAttribute("now", time.now());
        model.addAttribute("pick", blank(pick));
        model.addAttribute("difficulties", Difficulty.values());
        model.addAttribute("subtype", subtypes.find(r.subtypeCode()).orElse(null));
        model.addAttribute("dispatchTargets", targets(r, TreePath.scopeOf(user), blank(pick)));
        model.addAttribute("transferTargets", targets(r, transferReach(user), blank(pick)));
        model.addAttribute("memberOrg", r.memberOrgId() == null ? null : organisations.find(r.memberOrgId()).orElse(null));
        model.addAttribute("canAct", canAct(user));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("above", user.orgId() != null && user.orgId() != r.handlingOrgId());
        model.addAttribute("lawyers", r.type() == RequestType.LEGAL_AID && r.isOpen() && canAct(user)
                ? lawyers.available(user, true) : List.of());
        return "helpdesk/console/request";
    }

    /** Reveals the contact's name and phone in place (htmx); audit-logged. Reviewers alone may not. */
    @PostMapping(value = "/requests/{id}/reveal", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        HelpRequestContacts.Contact contact = contacts.reveal(user, id);
        return "<span class=\"gh-masked\" data-testid=\"revealed\">" + HtmlUtils.htmlEscape(
                (contact.name() == null ? "" : contact.name()) + " · " + (contact.phone() == null ? "" : contact.phone()))
                + "</span>";
    }

    @PostMapping("/requests/{id}/dispatch")
    String dispatch(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) Long toOrgId,
            @RequestParam(required = false) @Size(max = 500) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.dispatch(user, id, version, requireOrg(toOrgId), note));
    }

    @PostMapping("/requests/{id}/transfer")
    String transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) Long toOrgId,
            @RequestParam(required = false) @Size(max = 500) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.transfer(user, id, version, requireOrg(toOrgId), reason));
    }

    @PostMapping("/requests/{id}/send-back")
    String sendBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @Size(max = 500) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.sendBack(user, id, version, reason));
    }

    @PostMapping("/requests/{id}/reply")
    String reply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.reply(user, id, version, text));
    }

    @PostMapping("/requests/{id}/note")
    String note(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.note(user, id, version, text));
    }

    @PostMapping("/requests/{id}/difficulty")
    String difficulty(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) Difficulty difficulty,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.changeDifficulty(user, id, version, difficulty));
    }

    /** Asks the member for something: the clock pauses until they answer. */
    @PostMapping("/requests/{id}/ask")
    String ask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.askMember(user, id, version, text));
    }

    @PostMapping("/requests/{id}/documents")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        return act(id, redirect, () -> transactions.executeWithoutResult(status -> {
            List<MultipartFile> chosen = files == null ? List.of()
                    : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
            if (chosen.isEmpty()) {
                throw DomainException.invalid("upload.empty");
            }
            chosen.forEach(file -> requests.attach(user, id, file));
        }));
    }

    @GetMapping("/requests/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        return DocumentResponses.inline(requests.openDocument(user, id, documentId));
    }

    /** 督办: the level above sends a supervision notice the handling organisation must answer. */
    @PostMapping("/requests/{id}/supervise")
    String supervise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Size(max = 500) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.supervise(user, id, reason));
    }

    @PostMapping("/requests/{id}/supervisions/{noticeId}/answer")
    String answerSupervision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long noticeId,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.answerSupervision(user, id, noticeId, text));
    }

    /** 办结 with an outcome: a reason when not accepted, the authority when referred. */
    @PostMapping("/requests/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) @Size(max = 500) String reason,
            @RequestParam(required = false) @Size(max = 200) String referredTo, RedirectAttributes redirect) {
        return act(id, redirect, () -> requests.close(user, id, version, outcome, blank(reason), blank(referredTo)));
    }

    /** 回访: the call-back with the rating the member gave on the phone (不满意 reopens the request once). */
    @PostMapping("/requests/{id}/callback")
    String callBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime calledAt,
            @RequestParam(required = false) Satisfaction satisfaction,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            PlausibleDates.require(calledAt);
            if (satisfaction == null) {
                throw DomainException.invalid("helpdesk.rate.required");
            }
            requests.callBack(user, id, version, calledAt, satisfaction, blank(note));
        });
    }

    /** 法律援助: a union lawyer of the roster with an appointment the member is told. */
    @PostMapping("/requests/{id}/referral")
    String refer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long lawyerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentAt,
            @RequestParam(required = false) @Size(max = 200) String place,
            @RequestParam(required = false) @MultiLine @Size(max = 4000) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            PlausibleDates.require(appointmentAt);
            if (lawyerId == null) {
                throw DomainException.invalid("helpdesk.console.lawyer.required");
            }
            requests.refer(user, id, lawyerId, appointmentAt, place, blank(note));
        });
    }

    // ---- registration at a window or from the hotline

    @GetMapping("/register")
    String registerForm(@RequestParam(required = false) Channel channel, Model model) {
        RegistrationForm form = RegistrationForm.empty(channel == null ? Channel.WINDOW : channel);
        return registerPage(form, Map.of(), null, model);
    }

    @PostMapping("/register")
    String register(@AuthenticationPrincipal CurrentUser user, RegistrationForm form,
            @RequestParam Map<String, String> params, Model model) {
        Map<String, String> answers = FormAnswerParams.of(form.subtype(), params);
        try {
            Registration registration = new Registration(form.channel(), form.idNumber(), form.phone(), form.name(),
                    form.type(), form.subtype(), form.subject(), form.content(), answers, form.againstEmployer());
            HelpRequestView registered = requests.register(user, registration);
            return "redirect:/console/helpdesk/requests/" + registered.id() + "?registered";
        } catch (DomainException e) {
            return registerPage(form, answers, actions.reason(e), model);
        }
    }

    private String registerPage(RegistrationForm form, Map<String, String> answers, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("error", error);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("channels", List.of(Channel.WINDOW, Channel.HOTLINE));
        model.addAttribute("subtypes", subtypes.all());
        return "helpdesk/console/register";
    }

    // ---- helpers

    /** Runs an action; a concurrent change by someone else becomes a flashed reason, not an error page. */
    private String act(long id, RedirectAttributes redirect, Runnable action) {
        return actions.run(redirect, "/console/helpdesk/requests/" + id, () -> {
            try {
                action.run();
            } catch (OptimisticLockingFailureException e) {
                throw DomainException.conflict("error.concurrent-change");
            }
        });
    }

    private static long requireOrg(Long toOrgId) {
        if (toOrgId == null) {
            throw DomainException.invalid("helpdesk.console.target.required");
        }
        return toOrgId;
    }

    /**
     * Where the request may go, for a picker: active organisations in the reach (matching the typed text), never the
     * handling one, never the subtree excluded for a complaint against the employer. The service checks again.
     */
    private List<OrganisationView> targets(HelpRequestView r, TreePath reach, String text) {
        String excluded = r.againstEmployer() && r.memberOrgId() != null
                ? organisations.find(r.memberOrgId()).map(OrganisationView::path).orElse(null) : null;
        return organisations.search(reach, text, null, true, 0, PICKER_SIZE).items().stream()
                .filter(o -> o.id() != r.handlingOrgId())
                .filter(o -> excluded == null || !o.path().startsWith(excluded))
                .toList();
    }

    /** A transfer may go to the user's subtree or beside it: the subtree of their parent organisation. */
    private static TreePath transferReach(CurrentUser user) {
        TreePath own = TreePath.scopeOf(user);
        List<Long> ids = own.ids();
        if (ids.size() < 2) {
            return own;
        }
        TreePath reach = TreePath.root(ids.get(0));
        for (int i = 1; i < ids.size() - 1; i++) {
            reach = reach.child(ids.get(i));
        }
        return reach;
    }

    private static boolean canAct(CurrentUser user) {
        return user.has(Role.STAFF) || user.has(Role.ADMIN);
    }

    private static String link(Filter filter) {
        return UriComponentsBuilder.fromPath("/console/helpdesk")
                .queryParamIfPresent("light", Optional.ofNullable(filter.light()))
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("type", Optional.ofNullable(filter.type()))
                .queryParamIfPresent("channel", Optional.ofNullable(filter.channel()))
                .queryParamIfPresent("orgId", Optional.ofNullable(filter.orgId()))
                .queryParamIfPresent("from", Optional.ofNullable(filter.from()))
                .queryParamIfPresent("to", Optional.ofNullable(filter.to()))
                .queryParamIfPresent("q", Optional.ofNullable(filter.q()))
                .build().encode().toUriString();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
