package org.gonghui.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gonghui.account.Accounts;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff accounts of the user's subtree: list, create, unlock, reset password, enable/disable. */
@Controller
@RequestMapping("/console/accounts")
class AccountConsoleController {

    private static final List<Role> STAFF_ROLES = List.of(Role.ADMIN, Role.STAFF, Role.REVIEWER);

    private final Accounts accounts;
    private final Organisations organisations;
    private final ConsoleActions actions;

    AccountConsoleController(Accounts accounts, Organisations organisations, ConsoleActions actions) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.actions = actions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", accounts.staffInScope(user, q, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("baseUrl", q == null || q.isBlank() ? "/console/accounts" : "/console/accounts?q=" + q);
        return "account/list";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String orgCode, @RequestParam(required = false) Set<Role> roles,
            RedirectAttributes redirect) {
        try {
            TreePath scope = TreePath.scopeOf(user);
            OrganisationView org = organisations.findByCode(orgCode).filter(o -> scope.contains(o.path()))
                    .orElseThrow(() -> DomainException.invalid("member.import.unknown-organisation", orgCode));
            accounts.createStaff(user, username, displayName, password, org.id(),
                    roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
            redirect.addFlashAttribute("notice", message("common.created"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/accounts";
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, () -> accounts.unlock(user, id));
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        return act(redirect, () -> accounts.resetPassword(user, id, password));
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String enable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        return act(redirect, () -> accounts.setEnabled(user, id, enabled));
    }

    private String act(RedirectAttributes redirect, Runnable action) {
        return actions.run(redirect, "/console/accounts", action);
    }

    private String message(String code, Object... args) {
        return actions.message(code, args);
    }
}
