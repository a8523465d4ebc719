package org.gonghui.stats;

import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: the figures of the staff user's own subtree. */
@Controller
class ConsoleHomeController {

    private final Organisations organisations;
    private final Members members;

    ConsoleHomeController(Organisations organisations, Members members) {
        this.organisations = organisations;
        this.members = members;
    }

    @GetMapping("/console")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        model.addAttribute("org", organisations.requireInScope(scope.last(), scope));
        model.addAttribute("orgCounts", organisations.countByKind(scope));
        model.addAttribute("memberCount", members.countActive(scope));
        return "stats/console-home";
    }
}
