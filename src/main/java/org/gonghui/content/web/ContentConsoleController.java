package org.gonghui.content.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gonghui.content.ArticleCategory;
import org.gonghui.content.ArticleForm;
import org.gonghui.content.ArticleStatus;
import org.gonghui.content.ArticleView;
import org.gonghui.content.Articles;
import org.gonghui.content.ContentFigures;
import org.gonghui.content.Pushes;
import org.gonghui.member.MemberType;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Articles in the console: the list and review queue of the editor's subtree, the editor (a text area for the HTML
 * with the cleaned preview on the article's page), review, scheduling, withdrawal, push progress, and the reading
 * figures with their Excel export.
 */
@Controller
@RequestMapping("/console/content")
class ContentConsoleController {

    private final Articles articles;
    private final Pushes pushes;
    private final ContentFigures figures;
    private final Organisations organisations;
    private final ConsoleActions actions;
    private final PlatformTime time;

    ContentConsoleController(Articles articles, Pushes pushes, ContentFigures figures, Organisations organisations,
            ConsoleActions actions, PlatformTime time) {
        this.articles = articles;
        this.pushes = pushes;
        this.figures = figures;
        this.organisations = organisations;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", articles.list(user, status, page, 50));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("baseUrl", "/console/content" + (status == null ? "" : "?status=" + status));
        return "content/console/list";
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, Model model) {
        return editor(user, null, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ArticleCategory category,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) Long audienceOrgId,
            @RequestParam(required = false) List<MemberType> types, @RequestParam(defaultValue = "false") boolean push,
            Model model, RedirectAttributes redirect) {
        ArticleForm form = new ArticleForm(category, title, summary, body, audienceOrgId, typeSet(types), push);
        try {
            ArticleView article = articles.create(user, form);
            redirect.addFlashAttribute("notice", actions.message("common.saved"));
            return "redirect:/console/content/" + article.id();
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
            model.addAttribute("form", form);
            return editor(user, null, model);
        }
    }

    @GetMapping("/{id}")
    String article(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ArticleView article = articles.view(user, id);
        model.addAttribute("article", article);
        model.addAttribute("audienceOrg", organisations.find(article.audienceOrgId()).map(OrganisationView::name).orElse(""));
        model.addAttribute("push", pushes.progress(user, id).orElse(null));
        model.addAttribute("secondPerson", article.ownerPath().chars().filter(c -> c == '/').count() == 2
                && article.authorId() == user.accountId());
        return "content/console/article";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return editor(user, articles.view(user, id), model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) ArticleCategory category, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) Long audienceOrgId, @RequestParam(required = false) List<MemberType> types,
            @RequestParam(defaultValue = "false") boolean push, Model model, RedirectAttributes redirect) {
        ArticleForm form = new ArticleForm(category, title, summary, body, audienceOrgId, typeSet(types), push);
        try {
            articles.update(user, id, form);
            redirect.addFlashAttribute("notice", actions.message("common.saved"));
            return "redirect:/console/content/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
            model.addAttribute("form", form);
            return editor(user, articles.view(user, id), model);
        }
    }

    @PostMapping("/{id}/cover")
    String cover(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/content/" + id, () -> articles.setCover(user, id, file));
    }

    @PostMapping("/{id}/files")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/content/" + id, () -> articles.attach(user, id, file));
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/content/" + id, () -> articles.submit(user, id));
    }

    @PostMapping("/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime publishAt,
            RedirectAttributes redirect) {
        Instant at = publishAt == null ? null : time.instantOf(publishAt);
        return actions.run(redirect, "/console/content/" + id, () -> articles.approve(user, id, at));
    }

    @PostMapping("/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/content/" + id, () -> articles.reject(user, id, note));
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/content/" + id, () -> articles.withdraw(user, id, reason));
    }

    @GetMapping("/{id}/cover")
    ResponseEntity<byte[]> coverImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Files.inline(articles.cover(user, id));
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long fileId) {
        return Files.attachment(articles.attachment(user, id, fileId));
    }

    @GetMapping("/figures")
    String figures(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgId, Model model) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("orgs", audienceChoices(user));
        try {
            model.addAttribute("figures", figures.summary(user, start, end, orgId));
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
        }
        return "content/console/figures";
    }

    @GetMapping("/figures/export")
    void export(@AuthenticationPrincipal CurrentUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgId, HttpServletResponse response) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        figures.export(user, from, to, orgId, out);
        ImportReports.excelAttachment(response, "content-figures-" + from + "-" + to + ".xlsx");
        response.getOutputStream().write(out.toByteArray());
    }

    private String editor(CurrentUser user, ArticleView article, Model model) {
        model.addAttribute("article", article);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", article == null
                    ? new ArticleForm(ArticleCategory.NEWS, "", "", "", user.orgId(), EnumSet.allOf(MemberType.class), false)
                    : new ArticleForm(article.category(), article.title(), article.summary(), article.bodyHtml(),
                            article.audienceOrgId(), EnumSet.copyOf(article.audienceTypes()), article.push()));
        }
        model.addAttribute("categories", ArticleCategory.values());
        model.addAttribute("memberTypes", MemberType.values());
        model.addAttribute("orgs", audienceChoices(user));
        return "content/console/editor";
    }

    /** The editor's organisation and the two levels below it (a city: its districts and townships). */
    private List<OrganisationView> audienceChoices(CurrentUser user) {
        List<OrganisationView> choices = new ArrayList<>();
        organisations.find(user.orgId()).ifPresent(choices::add);
        for (OrganisationView child : organisations.children(user.orgId())) {
            choices.add(child);
            if (choices.size() < 400) {
                choices.addAll(organisations.children(child.id()));
            }
        }
        return choices;
    }

    private static Set<MemberType> typeSet(List<MemberType> types) {
        return types == null || types.isEmpty() ? Set.of() : EnumSet.copyOf(types);
    }
}
