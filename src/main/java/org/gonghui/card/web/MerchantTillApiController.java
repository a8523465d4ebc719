package org.gonghui.card.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gonghui.card.merchant.Offers;
import org.gonghui.card.merchant.OutletView;
import org.gonghui.card.merchant.Till;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The till API for a merchant's own POS system, signed in as one of the merchant's accounts (a bearer token from
 * {@code POST /api/v1/auth/token}): its outlets, discounts and running campaigns; look a member's dynamic code up;
 * record a redemption under an idempotency key (a retry answers the first result); ask for a key's result again.
 * Amounts are yuan with at most two decimals. Members appear only as the masked card number.
 */
@RestController
@RequestMapping("/api/v1/merchant/card")
@Tag(name = "Merchant till", description = "5·1 card discounts at a merchant's own till (POS): outlets and offers, "
        + "code look-up, redemption with an Idempotency-Key")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('MERCHANT')")
class MerchantTillApiController {

    private final Till till;

    MerchantTillApiController(Till till) {
        this.till = till;
    }

    /** An outlet of the merchant. */
    record Outlet(long id, String name, String address, String district, String openingHours, double lat, double lng) {
        static Outlet of(OutletView o) {
            return new Outlet(o.id(), o.name(), o.address(), o.district(), o.openingHours(), o.lat(), o.lng());
        }
    }

    /** A standing discount: PERCENT (amount = percent off), AMOUNT (fen off), MEMBER_PRICE (the member pays amount fen). */
    record Discount(long id, Long outletId, String title, String kind, long amount) {
    }

    /** A campaign running now. */
    record Campaign(long id, String title, String kind, long amount, int perMember, Instant endsAt) {
    }

    /** The merchant's till facts. */
    record Counter(long merchantId, String merchantName, boolean live, List<Outlet> outlets, List<Discount> discounts,
            List<Campaign> campaigns) {
    }

    @GetMapping
    @Operation(summary = "The merchant's outlets, standing discounts and running campaigns; live is false once its "
            + "discounts have stopped (exit) or outside its contract")
    Counter counter(@AuthenticationPrincipal CurrentUser user) {
        Till.Counter c = till.counter(user);
        return new Counter(c.merchantId(), c.merchantName(), c.live(), c.outlets().stream().map(Outlet::of).toList(),
                c.discounts().stream().map(d -> new Discount(d.id(), d.outletId(), d.title(), d.kind().name(), d.amount()))
                        .toList(),
                c.campaigns().stream().map((Offers.Campaign k) -> new Campaign(k.id(), k.title(), k.kind().name(),
                        k.amount(), k.perMember(), k.endsAt())).toList());
    }

    /** A scanned dynamic code. */
    record DynamicCodeLookup(@Schema(description = "the member's dynamic code as scanned", requiredMode = Schema.RequiredMode.REQUIRED)
            String code) {
    }

    @PostMapping("/lookup")
    @Operation(summary = "Look a member's dynamic code up without spending it: the masked card, its version and the "
            + "member's turns left in running campaigns; 409 card.code.expired / .replayed / .card-not-active, 400 "
            + "card.code.malformed")
    Till.Lookup lookup(@AuthenticationPrincipal CurrentUser user, @RequestBody DynamicCodeLookup body) {
        return till.lookup(user, body == null ? null : body.code());
    }

    /** A sale: the outlet, the member's dynamic code or the card number (one of them), the bill, a campaign or none. */
    record SaleRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long outletId,
            @Schema(description = "the dynamic code as scanned (or cardNumber)") String code,
            @Schema(description = "the card number as typed (or code)") String cardNumber,
            @Schema(description = "the bill in yuan, at most two decimals, e.g. 45.00", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "45.00") BigDecimal bill,
            @Schema(description = "a running campaign instead of the best standing discount") Long campaignId) {
    }

    /** A recorded redemption; amounts in yuan. */
    record Receipt(long id, long outletId, String outletName, String cardMasked, BigDecimal bill, BigDecimal discount,
            BigDecimal pay, String discountTitle, Instant at, boolean replay) {
        static Receipt of(Till.Receipt r) {
            return new Receipt(r.id(), r.outletId(), r.outletName(), r.cardMasked(), yuan(r.billFen()),
                    yuan(r.discountFen()), yuan(r.payFen()), r.discountTitle(), r.at(), r.replay());
        }
    }

    @PostMapping("/redemptions")
    @Operation(summary = "Record the discount of a sale once: 201 with the receipt; the same Idempotency-Key again "
            + "(8–64 letters, digits or '-') answers 200 with the first receipt (replay true), whatever the body. "
            + "Refusals are problems with a code: card.merchant.campaign.member-limit, .budget-spent, "
            + "card.code.replayed …")
    ResponseEntity<Receipt> redeem(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "a fresh key per sale, kept by the till for retries", required = true)
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody SaleRequest body) {
        if (body == null || body.outletId() == null) {
            throw DomainException.invalid("card.merchant.redeem.outlet");
        }
        Till.Receipt receipt = till.redeem(user, new Till.Sale(body.outletId(), body.code(), body.cardNumber(),
                fen(body.bill()), body.campaignId(), key));
        return ResponseEntity.status(receipt.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(Receipt.of(receipt));
    }

    @GetMapping("/redemptions/{key}")
    @Operation(summary = "The redemption recorded under a key by this merchant (404 when none)")
    Receipt redemption(@AuthenticationPrincipal CurrentUser user, @PathVariable String key) {
        return till.receipt(user, key).map(Receipt::of)
                .orElseThrow(() -> DomainException.notFound("card.merchant.redemption.not-found"));
    }

    /** Yuan (at most two decimals, more than 0, at most 1,000,000) in fen. */
    static long fen(BigDecimal yuan) {
        if (yuan == null || yuan.stripTrailingZeros().scale() > 2 || yuan.signum() <= 0
                || yuan.compareTo(new BigDecimal("1000000")) > 0) {
            throw DomainException.invalid("card.merchant.redeem.bill");
        }
        return yuan.movePointRight(2).longValue();
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
