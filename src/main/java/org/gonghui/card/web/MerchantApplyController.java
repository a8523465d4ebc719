package org.gonghui.card.web;

import java.util.List;
import org.gonghui.card.merchant.MerchantDocuments;
import org.gonghui.card.merchant.MerchantApplication;
import org.gonghui.card.merchant.MerchantSettings;
import org.gonghui.card.merchant.OutletForm;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public form on which a merchant applies to join the 5·1 card's merchant network: one outlet (more on its own
 * page once approved) and its business licence (PDF, JPEG or PNG).
 */
@Controller
class MerchantApplyController {

    private final MerchantDocuments documents;
    private final MerchantSettings settings;
    private final ConsoleActions actions;

    MerchantApplyController(MerchantDocuments documents, MerchantSettings settings, ConsoleActions actions) {
        this.documents = documents;
        this.settings = settings;
        this.actions = actions;
    }

    @GetMapping("/merchants/apply")
    String form(Model model) {
        model.addAttribute("categories", settings.categories());
        model.addAttribute("districts", settings.districts());
        return "card/apply";
    }

    @PostMapping("/merchants/apply")
    String apply(@RequestParam(required = false) String name, @RequestParam(required = false) String licenceCode,
            @RequestParam(required = false) List<String> categories, @RequestParam(required = false) String discount,
            @RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
            @RequestParam(required = false) String outletName, @RequestParam(required = false) String address,
            @RequestParam(required = false) String district, @RequestParam(required = false) String hours,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
            @RequestParam(required = false) MultipartFile licence, Model model) {
        try {
            documents.apply(new MerchantApplication(name, licenceCode, categories, discount, contactName, contactPhone,
                    List.of(new OutletForm(outletName, address, district, hours, lat, lng))), licence);
            model.addAttribute("applied", true);
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
        }
        return form(model);
    }
}
