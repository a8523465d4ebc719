package org.gonghui.organisation.web;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.gonghui.organisation.OrganisationImport;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The organisation tree in the console: browse (children load on demand), search, and — for admins and
 * staff — create, rename, move, close and import, always within the user's own subtree.
 */
@Controller
@RequestMapping("/console/organisations")
class OrganisationConsoleController {

    private final Organisations organisations;
    private final OrganisationImport importer;
    private final ConsoleActions actions;

    OrganisationConsoleController(Organisations organisations, OrganisationImport importer, ConsoleActions actions) {
        this.organisations = organisations;
        this.importer = importer;
        this.actions = actions;
    }

    @GetMapping
    String tree(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        return show(user, scope.last(), q, model);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String q,
            Model model) {
        TreePath scope = TreePath.scopeOf(user);
        OrganisationView root = organisations.requireInScope(scope.last(), scope);
        OrganisationView selected = organisations.requireInScope(id, scope);
        model.addAttribute("root", root);
        model.addAttribute("rootChildren", organisations.children(root.id()));
        model.addAttribute("childCounts", counts(organisations.children(root.id())));
        model.addAttribute("selected", selected);
        model.addAttribute("lineage", organisations.lineage(selected).stream()
                .filter(o -> scope.contains(o.path())).toList());
        model.addAttribute("children", organisations.children(selected.id()));
        model.addAttribute("kinds", List.of(OrganisationKind.values()).stream()
                .filter(k -> selected.kind().mayContain(k)).toList());
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q);
            model.addAttribute("results", organisations.search(scope, q, null, false, 0, 50));
        }
        return "organisation/tree";
    }

    /** The children of a tree node, as a list fragment for htmx. */
    @GetMapping("/{id}/children")
    String children(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        organisations.requireInScope(id, scope);
        List<OrganisationView> children = organisations.children(id);
        model.addAttribute("nodes", children);
        model.addAttribute("childCounts", counts(children));
        return "organisation/tree :: nodes";
    }

    @PostMapping("/{id}/children")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam OrganisationKind kind,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            OrganisationView created = organisations.create(TreePath.scopeOf(user), id, kind, name, code);
            return created.id();
        });
    }

    @PostMapping("/{id}/rename")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        return act(id, redirect, () -> organisations.rename(TreePath.scopeOf(user), id, name).id());
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String parentCode, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            TreePath scope = TreePath.scopeOf(user);
            organisations.requireInScope(id, scope);
            OrganisationView parent = organisations.findByCode(parentCode).filter(o -> scope.contains(o.path()))
                    .orElseThrow(() -> DomainException.invalid("organisation.import.unknown-parent", parentCode));
            return organisations.move(scope, id, parent.id()).id();
        });
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> organisations.close(TreePath.scopeOf(user), id).id());
    }

    @GetMapping("/import")
    String importForm() {
        return "organisation/import";
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "organisations", importer.header(),
                List.of(List.of("NB-HS-T01-E9", "宁波示例有限公司工会", message("organisation.kind.ENTERPRISE"), "NB-HS-T01")));
        return ImportReports.excel(out.toByteArray(), "organisations-template.xlsx");
    }

    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String importSheet(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = importer.importSheet(TreePath.scopeOf(user), file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session,
                        report.errorWorkbook(importer.header(), message("import.row"), message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
        }
        return "organisation/import";
    }

    /** Runs a change; afterwards shows the organisation it produced (a new child) or the one acted on. */
    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<Long> action) {
        java.util.concurrent.atomic.AtomicLong shown = new java.util.concurrent.atomic.AtomicLong(id);
        actions.run(redirect, "", () -> shown.set(action.get()));
        return "redirect:/console/organisations/" + shown.get();
    }

    private Map<Long, Integer> counts(List<OrganisationView> nodes) {
        return organisations.childCounts(nodes.stream().map(OrganisationView::id).toList());
    }

    private String message(String code, Object... args) {
        return actions.message(code, args);
    }
}
