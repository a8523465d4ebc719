package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.card.CardTestData.city;
import static org.gonghui.card.CardTestData.member;
import static org.gonghui.card.CardTestData.org;

import java.time.Instant;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CardIntegrationTests {

    @Autowired Cards cards;
    @Autowired DynamicCodes codes;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired CardCarryOver carryOver;
    @Autowired JdbcClient jdbc;

    @Test
    void aNumberTypedInTheRegistryBecomesAnActiveSealedCardAndTheRegistryKeepsOnlyTheMask() {
        String number = Fixtures.newCardNumber();
        MemberView member = member(members, organisations, "NB-HS-T01-E1", number);
        CardView card = cards.current(member.id()).orElseThrow();
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.version()).isEqualTo(CardVersion.V2);
        assertThat(card.numberMasked()).isEqualTo("************" + number.substring(12));
        assertThat(member.cardNumberMasked()).isEqualTo(card.numberMasked());
        String stored = jdbc.sql("select number_enc || '|' || number_hash || '|' || m.card_number from card c "
                + "join member m on m.id = c.member_id where c.id = :id").param("id", card.id()).query(String.class).single();
        assertThat(stored).doesNotContain(number);
        assertThat(cards.payeeAccount(member.id()).orElseThrow().accountNumber()).isEqualTo(number);
        assertThat(cards.history(city(organisations), card.id())).extracting(CardHistoryLine::kind)
                .containsExactly(CardEventKind.ISSUED);
    }

    @Test
    void theRegistryRefusesABadOrKnownNumberAndKeepsNothing() {
        String number = Fixtures.newCardNumber();
        member(members, organisations, "NB-HS-T01-E1", number);
        String wrongCheck = number.substring(0, 15) + (char) ('0' + (number.charAt(15) - '0' + 1) % 10);
        long before = jdbc.sql("select count(*) from member").query(Long.class).single();
        assertThatThrownBy(() -> member(members, organisations, "NB-HS-T01-E1", wrongCheck))
                .hasMessageContaining("member.card.invalid");
        assertThatThrownBy(() -> member(members, organisations, "NB-HS-T01-E1", number))
                .hasMessageContaining("card.number.taken");
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void replacementRetiresTheOldCardAndPaysToTheNewOne() {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        TreePath haishu = org(organisations, "NB-HS").treePath();
        CardView old = cards.current(member.id()).orElseThrow();
        cards.reportOwnLost(member.id(), "丢在公交上");
        assertThat(cards.current(member.id()).orElseThrow().status()).isEqualTo(CardStatus.REPORTED_LOST);
        assertThat(cards.payeeAccount(member.id())).as("no payouts to a lost card").isEmpty();
        String newNumber = Fixtures.newCardNumber();
        CardView replacement = cards.replace(haishu, old.id(), newNumber, "挂失补卡");
        assertThat(replacement.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(replacement.replacesId()).isEqualTo(old.id());
        assertThat(cards.find(haishu, old.id()).status()).isEqualTo(CardStatus.REPLACED);
        assertThat(cards.payeeAccount(member.id()).orElseThrow().accountNumber()).isEqualTo(newNumber);
        assertThat(members.find(member.id()).orElseThrow().cardNumberMasked()).endsWith(newNumber.substring(12));
        assertThat(cards.history(haishu, old.id())).extracting(CardHistoryLine::kind)
                .containsExactly(CardEventKind.ISSUED, CardEventKind.REPORTED_LOST, CardEventKind.REPLACED);
        assertThat(cards.history(haishu, old.id()).get(1).reason()).isEqualTo("丢在公交上");
        assertThatThrownBy(() -> cards.activate(haishu, old.id(), null)).hasMessageContaining("card.status.not-allowed");
    }

    @Test
    void upgradeAndCancellation() {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        TreePath city = city(organisations);
        CardView card = cards.current(member.id()).orElseThrow();
        assertThat(cards.upgrade(city, card.id(), "申请3.0").version()).isEqualTo(CardVersion.V3);
        assertThatThrownBy(() -> cards.upgrade(city, card.id(), null)).hasMessageContaining("card.upgrade.already");
        cards.cancel(city, card.id(), "离职");
        assertThat(cards.current(member.id())).isEmpty();
        assertThat(members.find(member.id()).orElseThrow().cardNumberMasked()).isNull();
        assertThat(cards.own(member.id())).extracting(CardView::status).containsExactly(CardStatus.CANCELLED);
    }

    @Test
    void staffOfAnotherDistrictFindNeitherTheCardNorTheMember() {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        long card = cards.current(member.id()).orElseThrow().id();
        TreePath jiangbei = org(organisations, "NB-JB").treePath();
        for (Runnable call : List.<Runnable>of(() -> cards.find(jiangbei, card), () -> cards.history(jiangbei, card),
                () -> cards.cancel(jiangbei, card, null), () -> cards.replace(jiangbei, card, Fixtures.newCardNumber(), null),
                () -> cards.ofMember(jiangbei, member.id()))) {
            assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        }
        assertThat(cards.current(member.id()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
        assertThatThrownBy(() -> cards.ownHistory(member.id() + 1, card)).hasMessageContaining("card.not-found");
    }

    @Test
    void aDynamicCodeIsGoodOnceForItsActiveCard() {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        Instant now = Instant.now();
        DynamicCodes.DynamicCode code = codes.issue(member.id(), now);
        DynamicCodes.Verified verified = codes.verify(code.token(), now.plusSeconds(10));
        assertThat(verified.memberId()).isEqualTo(member.id());
        assertThat(verified.cardId()).isEqualTo(code.cardId());
        assertThatThrownBy(() -> codes.verify(code.token(), now.plusSeconds(20))).hasMessageContaining("card.code.replayed");
        assertThat(codes.issue(member.id(), now).token()).as("a new nonce every time").isNotEqualTo(code.token());
        assertThat(codes.issue(member.id(), now.plusSeconds(60)).token().split("\\.")[3])
                .as("the minute changes").isNotEqualTo(code.token().split("\\.")[3]);
        String later = codes.issue(member.id(), now).token();
        cards.reportOwnLost(member.id(), null);
        assertThatThrownBy(() -> codes.verify(later, now)).hasMessageContaining("card.code.card-not-active");
        assertThatThrownBy(() -> codes.issue(member.id(), now)).hasMessageContaining("card.code.no-active-card");
    }

    @Test
    void carriesClearNumbersOfTheRegistryOverOnce() {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", null);
        String legacy = "6217" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L); // unchecked, as before
        jdbc.sql("insert into card_carry_over (member_id, number) values (:m, :n)").param("m", member.id())
                .param("n", legacy).update();
        assertThat(carryOver.run()).isGreaterThanOrEqualTo(1);
        CardView card = cards.current(member.id()).orElseThrow();
        assertThat(card.numberMasked()).endsWith(legacy.substring(12));
        assertThat(cards.history(city(organisations), card.id())).extracting(CardHistoryLine::kind)
                .containsExactly(CardEventKind.CARRIED_OVER);
        assertThat(carryOver.run()).isZero();
    }
}
