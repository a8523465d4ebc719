package org.gonghui.card.web;

import java.util.List;
import org.gonghui.card.merchant.MerchantCare;
import org.gonghui.card.merchant.MerchantSettings;
import org.gonghui.card.merchant.OutletFinder;
import org.gonghui.card.merchant.OutletView;
import org.gonghui.shared.DomainException;
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

/**
 * Member discounts on the phone: outlets of a category nearest to where the member is (the browser's position, only
 * when they press the button and allow it; it is used for this search and not kept) or to a district they choose;
 * an outlet's page to rate it or complain.
 */
@Controller
class OutletPortalController {

    private final OutletFinder finder;
    private final MerchantSettings settings;
    private final MerchantCare care;
    private final ConsoleActions actions;

    OutletPortalController(OutletFinder finder, MerchantSettings settings, MerchantCare care, ConsoleActions actions) {
        this.finder = finder;
        this.settings = settings;
        this.care = care;
        this.actions = actions;
    }

    @GetMapping("/card/outlets")
    String find(@RequestParam(required = false) String category, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng, @RequestParam(required = false) String district, Model model) {
        String chosen = category != null && settings.categories().contains(category) ? category : settings.categories().get(0);
        model.addAttribute("categories", settings.categories());
        model.addAttribute("districts", settings.districts());
        model.addAttribute("category", chosen);
        model.addAttribute("district", district);
        List<OutletView> outlets = List.of();
        if (lat != null || lng != null) {
            try {
                outlets = finder.nearest(chosen, lat == null ? Double.NaN : lat, lng == null ? Double.NaN : lng, 20);
                model.addAttribute("from", "position");
            } catch (DomainException e) {
                model.addAttribute("error", actions.reason(e));
            }
        } else if (district != null && settings.district(district) != null) {
            MerchantSettings.District d = settings.district(district);
            outlets = finder.nearest(chosen, d.lat(), d.lng(), 20);
            model.addAttribute("from", "district");
        }
        model.addAttribute("outlets", outlets);
        return "card/portal/outlets";
    }

    @GetMapping("/card/outlets/{id}")
    String outlet(@PathVariable long id, Model model) {
        model.addAttribute("outlet", care.outlet(id));
        return "card/portal/outlet";
    }

    @PostMapping("/card/outlets/{id}/rate")
    String rate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer stars, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/card/outlets/" + id,
                () -> care.rate(user.memberId(), id, stars == null ? 0 : stars, comment));
    }

    @PostMapping("/card/outlets/{id}/complain")
    String complain(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return actions.run(redirect, "/card/outlets/" + id, () -> care.complain(user.memberId(), id, text));
    }
}
