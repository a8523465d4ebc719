package org.gonghui.shared.web;

import java.util.Comparator;
import java.util.List;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.HomePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's front page, open to everyone. A signed-in member sees a tile for every service they have, each
 * with its status; staff and merchants are sent to their own home (the console, the merchant page).
 */
@Controller
class HomeController {

    private final List<ServiceTiles> services;

    HomeController(List<ServiceTiles> services) {
        this.services = services;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null && !user.isMember()) {
            String home = HomePage.of(user);
            if (!"/".equals(home)) {
                return "redirect:" + home;
            }
        }
        if (user != null) {
            model.addAttribute("tiles", services.stream().flatMap(s -> s.tilesFor(user).stream())
                    .sorted(Comparator.comparingInt(ServiceTile::order)).toList());
        }
        return "portal/home";
    }
}
