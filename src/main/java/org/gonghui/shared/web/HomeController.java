package org.gonghui.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page, open to everyone. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "portal/home";
    }
}
