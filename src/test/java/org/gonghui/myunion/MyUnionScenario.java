package org.gonghui.myunion;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gonghui.activity.ActivityCategory;
import org.gonghui.activity.ActivityForm;
import org.gonghui.activity.ActivityView;
import org.gonghui.activity.Activities;
import org.gonghui.activity.AllocationMode;
import org.gonghui.activity.Attendance;
import org.gonghui.activity.Merchants;
import org.gonghui.activity.RegistrationView;
import org.gonghui.activity.Registrations;
import org.gonghui.activity.VoucherView;
import org.gonghui.activity.Welfare;
import org.gonghui.activity.WelfareOfferForm;
import org.gonghui.activity.WelfareOfferView;
import org.gonghui.helpdesk.Channel;
import org.gonghui.helpdesk.HelpRequestView;
import org.gonghui.helpdesk.HelpRequests;
import org.gonghui.helpdesk.NewHelpRequest;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.BatchView;
import org.gonghui.payment.EntitlementRequest;
import org.gonghui.payment.Entitlements;
import org.gonghui.payment.PaymentBatches;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;
import org.springframework.stereotype.Component;

/**
 * A member who does one of each thing through the modules' real services: each member in a new enterprise under
 * NB-HS-T01, whose own admin pays them (so a batch takes only this member's entitlements).
 */
@Component
class MyUnionScenario {

    final Organisations organisations;
    final Members members;
    final Activities activities;
    final Registrations registrations;
    final Attendance attendance;
    final Welfare welfare;
    final Merchants merchants;
    final Entitlements entitlements;
    final PaymentBatches batches;
    final HelpRequests help;

    MyUnionScenario(Organisations organisations, Members members, Activities activities, Registrations registrations,
            Attendance attendance, Welfare welfare, Merchants merchants, Entitlements entitlements,
            PaymentBatches batches, HelpRequests help) {
        this.organisations = organisations;
        this.members = members;
        this.activities = activities;
        this.registrations = registrations;
        this.attendance = attendance;
        this.welfare = welfare;
        this.merchants = merchants;
        this.entitlements = entitlements;
        this.batches = batches;
        this.help = help;
    }

    OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    /** A new card-holding member with a bank account, alone in a new enterprise. */
    MemberView member() {
        OrganisationView enterprise = organisations.create(org("NB").treePath(), org("NB-HS-T01").id(),
                OrganisationKind.ENTERPRISE, Fixtures.unique("我的工会企业"), Fixtures.unique("T-MU-"));
        MemberView member = members.register(org("NB").treePath(), new NewMember(Fixtures.unique("记录"),
                Fixtures.newIdNumber(), Fixtures.newPhone(), enterprise.id(), MemberType.IN_SERVICE,
                PlatformZone.today().minusYears(2), Fixtures.newCardNumber()));
        return members.changeBankAccount(member.id(), "6222020200" + String.format("%09d", member.id()));
    }

    static CurrentUser self(MemberView member) {
        return new CurrentUser(700_000 + member.id(), "member:" + member.id(), member.name(), null, null, null,
                member.id(), EnumSet.of(Role.MEMBER), false, true);
    }

    /** Registers for an open activity and is checked in by staff. */
    RegistrationView attend(MemberView member, String title) {
        CurrentUser staff = Fixtures.staffAt(org("NB-HS"), Role.STAFF);
        LocalDateTime now = PlatformZone.now();
        ActivityView a = activities.publish(staff, new ActivityForm(title, ActivityCategory.CULTURE_SPORT, "体验课",
                null, "海曙射箭馆", false, AllocationMode.FIRST_COME, 10, now.minusHours(1), now.plusDays(2),
                now.plusDays(3), 24, Set.of(), null, false, null, null, null, false, false,
                now.plusDays(4).toLocalDate() + " 14:00 60", false, null));
        RegistrationView r = registrations.register(member.id(), a.id(), null, false);
        attendance.checkIn(staff, a.id(), registrations.mineById(member.id(), r.id()).checkInCode());
        return r;
    }

    /** Claims a voucher of a new offer (price 1.00 yuan); with {@code use} a merchant redeems it. */
    VoucherView claimVoucher(MemberView member, String title, boolean use) {
        CurrentUser staff = Fixtures.staffAt(org("NB"), Role.STAFF);
        var cinema = merchants.create(staff, "影城", "天一店", Fixtures.unique("mucinema"), "Cinema2026pass");
        LocalDateTime now = PlatformZone.now();
        WelfareOfferView offer = welfare.publish(staff, new WelfareOfferForm(title, "desc", new BigDecimal("1.00"), 10,
                1, now.minusHours(1), now.plusDays(3), now.minusHours(1), now.plusDays(30), Set.of(), null, true, null,
                null, Set.of(cinema.id())));
        VoucherView voucher = welfare.claim(member.id(), offer.id());
        if (use) {
            welfare.redeem(cinema.id(), voucher.code(), "天一店", null);
        }
        return voucher;
    }

    /** Entitles the member under a programme and pays it through a batch and the bank's result file. */
    long pay(MemberView member, String programme, String amount) {
        long id = entitlements.entitle(new EntitlementRequest(programme, Fixtures.unique("mu:"), member.id(),
                member.orgPath(), new BigDecimal(amount), "我的工会测试"));
        CurrentUser admin = Fixtures.staffAt(organisations.find(member.orgId()).orElseThrow(), Role.ADMIN, Role.STAFF);
        BatchView batch = batches.createBatch(admin, programme).orElseThrow();
        byte[] transfer = batches.transferFile(admin, batch.id());
        batches.importResult(admin, batch.id(), allPaid(transfer));
        return id;
    }

    /** The bank's answer: every line of the transfer file paid. */
    static byte[] allPaid(byte[] transferFile) {
        StringBuilder out = new StringBuilder("batch_no,payment_id,amount,result,bank_ref,message\n");
        for (String line : new String(transferFile, StandardCharsets.UTF_8).lines().skip(1).toList()) {
            String[] c = line.split(",");
            out.append(c[0]).append(',').append(c[2]).append(',').append(c[6]).append(",SUCCESS,BR").append(c[2])
                    .append(",\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The member asks the help desk; with {@code outcome} the handling staff close the request. */
    HelpRequestView askForHelp(MemberView member, Outcome outcome) {
        HelpRequestView request = help.submit(self(member), new NewHelpRequest(RequestType.CONSULTATION,
                "CONSULT_POLICY", "疗休养政策", "我想了解职工疗休养政策。", Map.of(), false, null), Channel.PORTAL);
        if (outcome != null) {
            CurrentUser handler = Fixtures.staffAt(organisations.find(request.handlingOrgId()).orElseThrow(), Role.STAFF);
            help.close(handler, request.id(), null, outcome, null, null);
        }
        return request;
    }
}
