package org.gonghui.card.web;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.gonghui.card.CardIssuance;
import org.gonghui.card.CardQuery;
import org.gonghui.card.CardSearch;
import org.gonghui.card.CardStatus;
import org.gonghui.card.CardVersion;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.member.Members;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cards in the staff console: search the subtree's cards, a card with its holder's other cards and its history,
 * the counter's actions (activate, report lost, replace by a new number, upgrade to 3.0, cancel), and the bank's
 * issuance import. A card of a member outside the subtree is "not found".
 */
@Controller
@RequestMapping("/console/card")
class CardConsoleController {

    private final Cards cards;
    private final CardSearch search;
    private final CardIssuance issuance;
    private final Members members;
    private final ConsoleActions actions;

    CardConsoleController(Cards cards, CardSearch search, CardIssuance issuance, Members members, ConsoleActions actions) {
        this.cards = cards;
        this.search = search;
        this.issuance = issuance;
        this.members = members;
        this.actions = actions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String suffix,
            @RequestParam(required = false) String name, @RequestParam(required = false) CardStatus status,
            @RequestParam(required = false) CardVersion version, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CardQuery query = new CardQuery(suffix, name, status, version);
        model.addAttribute("query", query);
        model.addAttribute("statuses", CardStatus.values());
        model.addAttribute("versions", CardVersion.values());
        try {
            model.addAttribute("page", search.search(TreePath.scopeOf(user), query, page, 50));
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
            model.addAttribute("page", org.gonghui.shared.PageResult.of(List.of(), 0, 50));
        }
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/console/card")
                .queryParamIfPresent("suffix", Optional.ofNullable(query.suffix()))
                .queryParamIfPresent("name", Optional.ofNullable(query.name()))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("version", Optional.ofNullable(version)).encode().build().toUriString());
        return "card/console/list";
    }

    @GetMapping("/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        CardView card = cards.find(scope, id);
        model.addAttribute("card", card);
        model.addAttribute("member", members.view(scope, card.memberId()));
        model.addAttribute("history", cards.history(scope, id));
        model.addAttribute("cards", cards.ofMember(scope, card.memberId()));
        return "card/console/card";
    }

    @PostMapping("/{id}/activate")
    String activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/card/" + id, () -> cards.activate(TreePath.scopeOf(user), id, reason));
    }

    @PostMapping("/{id}/report-lost")
    String reportLost(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/card/" + id, () -> cards.reportLost(TreePath.scopeOf(user), id, reason));
    }

    @PostMapping("/{id}/upgrade")
    String upgrade(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/card/" + id, () -> cards.upgrade(TreePath.scopeOf(user), id, reason));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/card/" + id, () -> cards.cancel(TreePath.scopeOf(user), id, reason));
    }

    /** The replacement's page follows a replacement; a refusal stays on the old card with its reason. */
    @PostMapping("/{id}/replace")
    String replace(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String number, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            CardView replacement = cards.replace(TreePath.scopeOf(user), id, number, reason);
            redirect.addFlashAttribute("notice", actions.message("card.console.replaced"));
            return "redirect:/console/card/" + replacement.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
            return "redirect:/console/card/" + id;
        }
    }

    @GetMapping("/issuance")
    String issuanceForm(@AuthenticationPrincipal CurrentUser user) {
        TreePath.scopeOf(user);
        return "card/console/issuance";
    }

    @GetMapping("/issuance/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "issuance", issuance.header(),
                List.of(List.of("330203199001011236", "张三", "6228480000000000008", "2.0", "2026-05-01", "宁波银行海曙支行")));
        return ImportReports.excel(out.toByteArray(), "card-issuance-template.xlsx");
    }

    @PostMapping("/issuance")
    String importFile(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = issuance.importFile(user, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(issuance.header(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
        }
        return "card/console/issuance";
    }
}
