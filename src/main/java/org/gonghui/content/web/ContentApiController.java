package org.gonghui.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gonghui.content.ArticleCategory;
import org.gonghui.content.ArticleFigures;
import org.gonghui.content.ArticleForm;
import org.gonghui.content.ArticleLinks;
import org.gonghui.content.ArticleStatus;
import org.gonghui.content.ArticleView;
import org.gonghui.content.Articles;
import org.gonghui.content.ContentFigures;
import org.gonghui.content.Feed;
import org.gonghui.content.PublishedArticle;
import org.gonghui.content.PushProgress;
import org.gonghui.content.Pushes;
import org.gonghui.content.ReadingFigures;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ImportReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Articles for apps: members read the articles meant for them, share them and set their push opt-out; staff write,
 * review, schedule, withdraw, follow the push and read the figures of their subtree; anyone signed in may look up a
 * published article's title for a link ({@code /news/<id>}).
 */
@RestController
@RequestMapping("/api/v1/content")
@Tag(name = "Content", description = "Articles: news, policy, welfare notices and the weekly column; reading figures")
@SecurityRequirement(name = "bearer")
class ContentApiController {

    private final Feed feed;
    private final Articles articles;
    private final Pushes pushes;
    private final ContentFigures figures;
    private final ArticleLinks links;

    ContentApiController(Feed feed, Articles articles, Pushes pushes, ContentFigures figures, ArticleLinks links) {
        this.feed = feed;
        this.articles = articles;
        this.pushes = pushes;
        this.figures = figures;
        this.links = links;
    }

    private static long memberOf(CurrentUser user) {
        if (user == null || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }

    @GetMapping("/articles")
    @Operation(summary = "The member's articles, newest first, by category and search text")
    PageResult<Feed.Headline> feed(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ArticleCategory category,
            @RequestParam(required = false) @Size(max = 50) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return feed.list(memberOf(user), category, q, page, size);
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article meant for the member (counted as a view); t = the token of a pushed link")
    PublishedArticle read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "t", required = false) @Size(max = 32) String token) {
        return feed.read(memberOf(user), id, token);
    }

    @PostMapping("/articles/{id}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The member shares an article (counted); answers the link to share")
    Map<String, String> share(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("link", feed.share(memberOf(user), id));
    }

    /** The member's push setting. */
    record PushSetting(@NotNull Boolean optOut) {
    }

    @GetMapping("/settings")
    @Operation(summary = "Whether the member has turned pushed notices off")
    PushSetting setting(@AuthenticationPrincipal CurrentUser user) {
        return new PushSetting(pushes.optedOut(memberOf(user)));
    }

    @PutMapping("/settings")
    @Operation(summary = "Turns pushed notices off (optOut true) or on")
    PushSetting change(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PushSetting body) {
        pushes.optOut(memberOf(user), body.optOut());
        return body;
    }

    @GetMapping("/links/{id}")
    @Operation(summary = "A published article's title and stable address, to link it from a reply or an activity")
    ArticleLinks.ArticleLink link(@PathVariable long id) {
        return links.find(id).orElseThrow(() -> DomainException.notFound("content.article.not-found"));
    }

    /** An article as an editor writes it; the body is HTML (cleaned when saved). */
    record Draft(@NotNull ArticleCategory category, @NotBlank @Size(max = 120) String title,
            @Size(max = 300) String summary, @NotBlank @Size(max = 200_000) String bodyHtml,
            @NotNull Long audienceOrgId, @NotEmpty Set<MemberType> audienceTypes, boolean push) {

        ArticleForm form() {
            return new ArticleForm(category, title, summary, bodyHtml, audienceOrgId, EnumSet.copyOf(audienceTypes), push);
        }
    }

    /** A reviewer's decision: publish now (no time) or at a later time. */
    record ArticleApproval(Instant publishAt) {
    }

    /** A reason (sending back, withdrawing). */
    record ArticleReason(@NotBlank @Size(max = 500) String text) {
    }

    @GetMapping("/editor/articles")
    @Operation(summary = "Articles of the staff user's subtree, latest change first; status IN_REVIEW = the review queue")
    PageResult<ArticleView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return articles.list(user, status, page, size);
    }

    @PostMapping("/editor/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new draft of the staff user's organisation")
    ArticleView create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Draft body) {
        return articles.create(user, body.form());
    }

    @GetMapping("/editor/articles/{id}")
    @Operation(summary = "An article of the subtree")
    ArticleView view(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return articles.view(user, id);
    }

    @PutMapping("/editor/articles/{id}")
    @Operation(summary = "Changes a draft")
    ArticleView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Draft body) {
        return articles.update(user, id, body.form());
    }

    @PostMapping("/editor/articles/{id}/submit")
    @Operation(summary = "Sends a draft to review")
    ArticleView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return articles.submit(user, id);
    }

    @PostMapping("/editor/articles/{id}/approve")
    @Operation(summary = "Approves: published now, or scheduled for publishAt; the city's own articles by a second person")
    ArticleView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ArticleApproval body) {
        return articles.approve(user, id, body.publishAt());
    }

    @PostMapping("/editor/articles/{id}/reject")
    @Operation(summary = "Sends an article in review back to its author with a note")
    ArticleView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody ArticleReason body) {
        return articles.reject(user, id, body.text());
    }

    @PostMapping("/editor/articles/{id}/withdraw")
    @Operation(summary = "Withdraws a published or scheduled article with a reason")
    ArticleView withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ArticleReason body) {
        return articles.withdraw(user, id, body.text());
    }

    @GetMapping("/editor/articles/{id}/push")
    @Operation(summary = "The article's push progress: sent, skipped, failed, opened")
    PushProgress push(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return pushes.progress(user, id).orElseThrow(() -> DomainException.notFound("content.push.none"));
    }

    @GetMapping("/figures")
    @Operation(summary = "Articles published from..to reaching the subtree of orgId (default: the caller's), with figures")
    ReadingFigures figures(@AuthenticationPrincipal CurrentUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgId) {
        return figures.summary(user, from, to, orgId);
    }

    @GetMapping("/figures/articles/{id}")
    @Operation(summary = "One article's clicks, exact distinct readers, shares, pushed and opened, from..to, subtree")
    ArticleFigures articleFigures(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgId) {
        return figures.article(user, id, from, to, orgId);
    }

    @GetMapping("/figures/export")
    @Operation(summary = "The figures as an Excel sheet")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        figures.export(user, from, to, orgId, out);
        return ImportReports.excel(out.toByteArray(), "content-figures.xlsx");
    }
}
