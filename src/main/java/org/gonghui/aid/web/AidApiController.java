package org.gonghui.aid.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.gonghui.aid.AidFigures;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.AidLists;
import org.gonghui.aid.grant.BudgetView;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantEvent;
import org.gonghui.aid.grant.GrantReview;
import org.gonghui.aid.grant.GrantStatus;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.aid.grant.ListApproval;
import org.gonghui.aid.grant.ListView;
import org.gonghui.aid.grant.SchoolLevel;
import org.gonghui.aid.heat.HeatVisitView;
import org.gonghui.aid.heat.HeatVisits;
import org.gonghui.aid.wish.WishView;
import org.gonghui.aid.wish.Wishes;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
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
 * Aid for apps: the member's applications (hardship and school aid) with their payment progress and micro-wishes;
 * donors' open wishes and claims; staff's grants, decisions, budgets, lists, heat visits and figures of their subtree.
 */
@RestController
@RequestMapping("/api/v1/aid")
@Tag(name = "Aid", description = "Hardship aid, school aid, micro-wishes and heat visits (帮扶)")
@SecurityRequirement(name = "bearer")
class AidApiController {

    private final Grants grants;
    private final GrantReview review;
    private final Budgets budgets;
    private final AidLists lists;
    private final Wishes wishes;
    private final HeatVisits heat;
    private final AidFigures figures;

    AidApiController(Grants grants, GrantReview review, Budgets budgets, AidLists lists, Wishes wishes, HeatVisits heat,
            AidFigures figures) {
        this.grants = grants;
        this.review = review;
        this.budgets = budgets;
        this.lists = lists;
        this.wishes = wishes;
        this.heat = heat;
        this.figures = figures;
    }

    static long memberOf(CurrentUser user) {
        if (user == null || !user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }

    // --- the member

    record HardshipApplication(@NotNull AidKind kind,
            @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 1000) String reason) {
    }

    record SchoolApplication(@NotBlank @Size(max = 30) String childName, @NotBlank @Size(max = 18) String childIdNumber,
            @NotNull SchoolLevel level, @NotBlank @Size(max = 100) String schoolName) {
    }

    @GetMapping("/me/grants")
    @Operation(summary = "The member's applications and grants with their payment progress, newest first")
    List<GrantView> myGrants(@AuthenticationPrincipal CurrentUser user) {
        return grants.own(memberOf(user));
    }

    @GetMapping("/me/grants/{id}")
    @Operation(summary = "One of the member's grants")
    GrantView myGrant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return grants.ownGrant(memberOf(user), id);
    }

    @PostMapping("/me/grants/hardship")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for living (LIVING) or medical (MEDICAL) aid; the member must stand in the hardship archive")
    GrantView applyHardship(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody HardshipApplication body) {
        return grants.applyForHardshipAid(memberOf(user), body.kind(), body.amount(), body.reason());
    }

    @PostMapping("/me/grants/school")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for 金秋助学 for a child: once per child and school year, whichever parent applies")
    GrantView applySchool(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SchoolApplication body) {
        return grants.applyForSchoolAid(memberOf(user), body.childName(), body.childIdNumber(), body.level(),
                body.schoolName());
    }

    record NewWish(@NotBlank @Size(max = 60) String title, @NotBlank @Size(max = 500) String story,
            @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount) {
    }

    record Confirmation(@Size(max = 200) String thanks) {
    }

    @GetMapping("/me/wishes")
    @Operation(summary = "The member's own micro-wishes")
    List<WishView> myWishes(@AuthenticationPrincipal CurrentUser user) {
        return wishes.own(memberOf(user));
    }

    @PostMapping("/me/wishes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a micro-wish (member in the hardship archive, up to the configured amount)")
    WishView postWish(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewWish body) {
        return wishes.post(memberOf(user), body.title(), body.story(), body.amount());
    }

    @PostMapping("/me/wishes/{id}/confirm")
    @Operation(summary = "The member confirms a claimed wish has arrived")
    WishView confirmWish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Confirmation body) {
        return wishes.confirm(memberOf(user), id, body.thanks());
    }

    // --- donors

    @GetMapping("/wishes")
    @Operation(summary = "Open micro-wishes for donors, without the members' names")
    PageResult<WishView> openWishes(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return wishes.open(page, size);
    }

    record Claim(@Size(max = 100) String unitName) {
    }

    @PostMapping("/wishes/{id}/claim")
    @Operation(summary = "Claim a wish: a member for themselves, staff for a unit (unitName); one donor wins, 409 for the others")
    WishView claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Claim body) {
        if (user != null && user.isMember()) {
            return wishes.claimAsMember(user.memberId(), id);
        }
        return wishes.claimAsUnit(user, id, body.unitName());
    }

    // --- staff

    @GetMapping("/grants")
    @Operation(summary = "Grants of the caller's subtree, newest first, optionally by status and kind")
    PageResult<GrantView> grants(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) GrantStatus status,
            @RequestParam(required = false) AidKind kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return grants.search(user, status, kind, page, size);
    }

    @GetMapping("/grants/{id}")
    @Operation(summary = "One grant of the caller's subtree")
    GrantView grant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return grants.inScope(user, id);
    }

    @GetMapping("/grants/{id}/timeline")
    @Operation(summary = "Every step of a grant: who did what and why")
    List<GrantEvent> timeline(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return grants.timeline(grants.inScope(user, id).id());
    }

    record Decision(@NotNull @Min(0) Integer version) {
    }

    record Check(@NotNull @Min(0) Integer version, @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @Size(max = 500) String note) {
    }

    record AidRejection(@NotNull @Min(0) Integer version, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/grants/{id}/check")
    @Operation(summary = "The township checks an application (may set the amount, not for school aid)")
    GrantView check(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Check body) {
        return review.check(user, id, body.version(), body.amount(), body.note());
    }

    @PostMapping("/grants/{id}/approve")
    @Operation(summary = "The district approves (a second approver above the configured amount); eligibility is re-checked")
    GrantView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Decision body) {
        return review.approve(user, id, body.version());
    }

    @PostMapping("/grants/{id}/reject")
    @Operation(summary = "Refuse an open application with a reason")
    GrantView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody AidRejection body) {
        return review.reject(user, id, body.version(), body.reason());
    }

    @PostMapping("/grants/{id}/hand-out")
    @Operation(summary = "Record that approved goods were handed over")
    GrantView handOut(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Decision body) {
        return review.handOut(user, id, body.version());
    }

    record BudgetForm(@NotNull @Min(1) Long orgId, @NotNull AidKind kind, @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount) {
    }

    @GetMapping("/budgets")
    @Operation(summary = "The year's budgets of the caller's subtree")
    List<BudgetView> budgets(@AuthenticationPrincipal CurrentUser user, @RequestParam @Min(2000) @Max(2100) int year) {
        return budgets.list(user, year);
    }

    @PutMapping("/budgets")
    @Operation(summary = "Set an organisation's budget for a kind and year (never below what is committed)")
    BudgetView setBudget(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody BudgetForm body) {
        return budgets.set(user, body.orgId(), body.kind(), body.year(), body.amount());
    }

    record NewList(@NotNull AidKind kind, @NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 100) String title) {
    }

    record ListLine(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount, @Size(max = 200) String goods) {
    }

    @GetMapping("/lists")
    @Operation(summary = "The year's aid lists of the caller's subtree")
    List<ListView> lists(@AuthenticationPrincipal CurrentUser user, @RequestParam @Min(2000) @Max(2100) int year) {
        return lists.list(user, year);
    }

    @PostMapping("/lists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw up a list (LIVING, MEDICAL or FESTIVAL) of the caller's organisation")
    ListView createList(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewList body) {
        return lists.create(user, body.kind(), body.year(), body.title());
    }

    @GetMapping("/lists/{id}")
    @Operation(summary = "A list and its lines")
    List<GrantView> listLines(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return lists.lines(user, id);
    }

    @PostMapping("/lists/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member (ID number and name, in the archive) to a draft list; goods only for festival visits")
    GrantView addLine(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody ListLine body) {
        return lists.add(user, id, new AidLists.Line(body.idNumber(), body.name(), body.amount(), body.goods()));
    }

    @PostMapping("/lists/{id}/submit")
    @Operation(summary = "The list's organisation submits a draft list: its lines are checked")
    ListView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return lists.submit(user, id);
    }

    @PostMapping("/lists/{id}/approve")
    @Operation(summary = "Approve a submitted list above its organisation: eligibility re-checked, leavers dropped with the reason")
    ListApproval approveList(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return lists.approve(user, id);
    }

    record NewVisit(@NotNull java.time.LocalDate date, @NotBlank @Size(max = 100) String groupName,
            @NotBlank @Size(max = 200) String site, @NotNull @Min(1) @Max(100_000) Integer headcount,
            @NotBlank @Size(max = 500) String items,
            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal value) {
    }

    @GetMapping("/heat-visits")
    @Operation(summary = "The year's summer heat visits of the caller's subtree")
    List<HeatVisitView> heatVisits(@AuthenticationPrincipal CurrentUser user, @RequestParam @Min(2000) @Max(2100) int year) {
        return heat.list(user, year);
    }

    @PostMapping("/heat-visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a heat visit of the caller's organisation")
    HeatVisitView recordVisit(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewVisit body) {
        return heat.record(user, new HeatVisits.Visit(body.date(), body.groupName(), body.site(), body.headcount(),
                body.items(), body.value()));
    }

    @PostMapping("/heat-visits/{id}/sign-off")
    @Operation(summary = "A second person signs a heat visit off")
    HeatVisitView signOff(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return heat.signOff(user, id);
    }

    @GetMapping("/figures")
    @Operation(summary = "Aid figures of the caller's subtree for a year: paid per programme, wishes, heat visits")
    AidFigures.Figures figures(@AuthenticationPrincipal CurrentUser user, @RequestParam @Min(2000) @Max(2100) int year) {
        return figures.of(TreePath.scopeOf(user), year);
    }
}
