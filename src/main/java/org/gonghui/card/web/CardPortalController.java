package org.gonghui.card.web;

import org.gonghui.card.CardServices;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.card.DynamicCodes;
import org.gonghui.card.insurance.CardInsurance;
import org.gonghui.card.insurance.InsuranceTerms;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's card page on the phone: the card, what it opens, the dynamic code, report lost. Only their own card. */
@Controller
class CardPortalController {

    private final Cards cards;
    private final DynamicCodes codes;
    private final CardServices services;
    private final Members members;
    private final PlatformTime time;
    private final ConsoleActions actions;
    private final CardInsurance insurance;
    private final InsuranceTerms insuranceTerms;

    CardPortalController(Cards cards, DynamicCodes codes, CardServices services, Members members, PlatformTime time,
            ConsoleActions actions, CardInsurance insurance, InsuranceTerms insuranceTerms) {
        this.insurance = insurance;
        this.insuranceTerms = insuranceTerms;
        this.cards = cards;
        this.codes = codes;
        this.services = services;
        this.members = members;
        this.time = time;
        this.actions = actions;
    }

    @GetMapping("/card")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        MemberView member = members.find(user.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
        CardView card = cards.current(user.memberId()).orElse(null);
        model.addAttribute("member", member);
        model.addAttribute("card", card);
        model.addAttribute("services", services.all());
        int year = time.today().getYear();
        model.addAttribute("insuranceYear", year);
        model.addAttribute("premium", insuranceTerms.premium());
        model.addAttribute("policy", insurance.own(user.memberId()).stream().filter(p -> p.year() == year).findFirst()
                .orElse(null));
        return "card/portal/card";
    }

    /** A fresh code as a QR image: a new nonce on every request, so the page's refresh always shows an unused code. */
    @GetMapping(value = "/card/code.svg", produces = "image/svg+xml")
    ResponseEntity<String> code(@AuthenticationPrincipal CurrentUser user) {
        DynamicCodes.DynamicCode code = codes.issue(user.memberId(), time.now());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(code.token()));
    }

    @PostMapping("/card/report-lost")
    String reportLost(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/card", () -> cards.reportOwnLost(user.memberId(), reason));
    }

    @PostMapping("/card/activate")
    String activate(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return actions.run(redirect, "/card", () -> cards.activateOwn(user.memberId()));
    }
}
