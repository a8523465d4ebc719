package org.gonghui.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test programme PAYTEST (declared only in tests), members with or without accounts, staff, the bank's answer
 * to a transfer file, and a listener that records the engine's events for PAYTEST and can "crash" on one.
 */
@Component
class PaymentTestSupport {

    static final String PROGRAMME = "PAYTEST";

    @Configuration
    static class Programme {
        @Bean
        PaymentProgramme paymentTestProgramme() {
            return new PaymentProgramme(PROGRAMME, "测试支付项目", "Test payments");
        }
    }

    final Organisations organisations;
    final Members members;
    final Entitlements entitlements;
    final List<Object> events = Collections.synchronizedList(new ArrayList<>());
    volatile Long crashOnPaid;

    PaymentTestSupport(Organisations organisations, Members members, Entitlements entitlements) {
        this.organisations = organisations;
        this.members = members;
        this.entitlements = entitlements;
    }

    @EventListener
    void on(EntitlementInPayment event) {
        record(event.programme(), event);
    }

    @EventListener
    void on(EntitlementPaid event) {
        if (PROGRAMME.equals(event.programme()) && crashOnPaid != null && crashOnPaid == event.entitlementId()) {
            throw new IllegalStateException("crash half-way through the result file");
        }
        record(event.programme(), event);
    }

    @EventListener
    void on(EntitlementFailed event) {
        record(event.programme(), event);
    }

    @EventListener
    void on(EntitlementRetried event) {
        record(event.programme(), event);
    }

    private void record(String programme, Object event) {
        if (PROGRAMME.equals(programme)) {
            events.add(event);
        }
    }

    OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    CurrentUser admin(String code) {
        return Fixtures.staffAt(org(code), Role.ADMIN, Role.STAFF);
    }

    CurrentUser staff(String code) {
        return Fixtures.staffAt(org(code), Role.STAFF);
    }

    /** A member of the organisation; with {@code cardNumber} their 5·1 card is issued and active. */
    MemberView member(String orgCode, String cardNumber) {
        return members.register(org("NB").treePath(), new NewMember("支付" + Fixtures.unique("员"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), org(orgCode).id(), MemberType.IN_SERVICE, PlatformZone.today().minusYears(2),
                cardNumber));
    }

    /** A member with a bank account in the registry. */
    MemberView memberWithAccount(String orgCode) {
        MemberView member = member(orgCode, null);
        return members.changeBankAccount(member.id(), registryAccount(member.id()));
    }

    static String registryAccount(long memberId) {
        return "6222020200" + String.format("%09d", memberId);
    }

    long entitle(MemberView member, String amount) {
        return entitlements.entitle(request(member, amount));
    }

    EntitlementRequest request(MemberView member, String amount) {
        return new EntitlementRequest(PROGRAMME, Fixtures.unique("grant:"), member.id(), member.orgPath(),
                new BigDecimal(amount), "测试补助");
    }

    /** The bank's answer to a transfer file: every line, the result chosen per source reference. */
    static byte[] bankResult(byte[] transferFile, Function<String, String> resultBySourceRef) {
        StringBuilder out = new StringBuilder(BankFiles.RESULT_HEADER).append('\n');
        for (String line : new String(transferFile, StandardCharsets.UTF_8).lines().skip(1).toList()) {
            String[] c = line.split(",");
            String result = resultBySourceRef.apply(c[3]);
            out.append(c[0]).append(',').append(c[2]).append(',').append(c[6]).append(',').append(result).append(',')
                    .append(result.equals("SUCCESS") ? "BR" + c[2] : "").append(',')
                    .append(result.equals("SUCCESS") ? "" : "账户不存在").append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
