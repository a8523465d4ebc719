package org.gonghui.content.web;

import org.gonghui.content.ArticleCategory;
import org.gonghui.content.ArticleFile;
import org.gonghui.content.Feed;
import org.gonghui.content.Pushes;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.ResponseEntity;

/** The member's news on the phone: list by category and search, the article, sharing, and the push opt-out. */
@Controller
class ContentPortalController {

    private final Feed feed;
    private final Pushes pushes;
    private final ConsoleActions actions;

    ContentPortalController(Feed feed, Pushes pushes, ConsoleActions actions) {
        this.feed = feed;
        this.pushes = pushes;
        this.actions = actions;
    }

    @GetMapping("/news")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ArticleCategory category,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", feed.list(user.memberId(), category, q, page, 20));
        model.addAttribute("category", category);
        model.addAttribute("categories", ArticleCategory.values());
        model.addAttribute("q", q);
        model.addAttribute("baseUrl", "/news?" + (category == null ? "" : "category=" + category + "&")
                + (q == null ? "" : "q=" + org.springframework.web.util.UriUtils.encodeQueryParam(q,
                        java.nio.charset.StandardCharsets.UTF_8)));
        model.addAttribute("optedOut", pushes.optedOut(user.memberId()));
        return "content/portal/list";
    }

    @GetMapping("/news/{id}")
    String article(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("article", feed.read(user.memberId(), id, token));
        return "content/portal/article";
    }

    @PostMapping("/news/{id}/share")
    String share(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        feed.share(user.memberId(), id);
        redirect.addFlashAttribute("shared", true);
        return "redirect:/news/" + id;
    }

    @GetMapping("/news/{id}/cover")
    ResponseEntity<byte[]> cover(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Files.inline(feed.cover(user.memberId(), id));
    }

    @GetMapping("/news/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long fileId) {
        ArticleFile file = feed.attachment(user.memberId(), id, fileId);
        return Files.attachment(file);
    }

    @PostMapping("/news/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean optOut,
            RedirectAttributes redirect) {
        pushes.optOut(user.memberId(), optOut);
        redirect.addFlashAttribute("notice", actions.message(optOut ? "content.optout.on" : "content.optout.off"));
        return "redirect:/news";
    }
}
