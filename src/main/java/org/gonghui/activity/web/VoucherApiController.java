package org.gonghui.activity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gonghui.activity.Merchants;
import org.gonghui.activity.Redemption;
import org.gonghui.activity.VoucherView;
import org.gonghui.activity.Welfare;
import org.gonghui.activity.WelfareOfferForm;
import org.gonghui.activity.WelfareOfferView;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Welfare offers and vouchers: members claim, merchants redeem, staff publish. */
@RestController
@RequestMapping("/api/v1/vouchers")
@Tag(name = "Vouchers", description = "Welfare offers, voucher claims and redemption")
@SecurityRequirement(name = "bearer")
class VoucherApiController {

    private final Welfare welfare;
    private final Merchants merchants;

    VoucherApiController(Welfare welfare, Merchants merchants) {
        this.welfare = welfare;
        this.merchants = merchants;
    }

    @GetMapping("/offers")
    PageResult<WelfareOfferView> offers(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return user.isMember() ? welfare.browse(user.memberId(), page, size) : welfare.staffList(user, page, size);
    }

    @PostMapping("/offers/{offerId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Claim one voucher for the caller: 201, or a problem whose code says why not")
    VoucherView claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long offerId) {
        return welfare.claim(user.memberId(), offerId);
    }

    @GetMapping
    @PreAuthorize("hasRole('MEMBER')")
    PageResult<VoucherView> mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return welfare.vouchers(user.memberId(), page, size);
    }

    record RedeemRequest(String code, String outlet) {
    }

    @PostMapping("/redemptions")
    @PreAuthorize("hasRole('MERCHANT')")
    @Operation(summary = "Redeem a voucher once; repeat with the same Idempotency-Key to get the first answer again")
    Redemption redeem(@AuthenticationPrincipal CurrentUser user, @RequestBody RedeemRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return welfare.redeem(merchants.of(user).id(), body == null ? null : body.code(),
                body == null ? null : body.outlet(), key);
    }

    @PostMapping("/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    WelfareOfferView publish(@AuthenticationPrincipal CurrentUser user, @RequestBody WelfareOfferForm form) {
        return welfare.publish(user, form);
    }
}
