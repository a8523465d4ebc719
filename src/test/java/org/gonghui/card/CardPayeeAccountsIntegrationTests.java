package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.CardTestData.member;

import java.util.List;
import java.util.Map;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payee accounts of many members at once (a payment batch): active cards only, one audit record. */
@IntegrationTest
class CardPayeeAccountsIntegrationTests {

    @Autowired
    Cards cards;
    @Autowired
    Members members;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void activeCardsOnlyAsTheOneByOneLookUpAnswersAndOneAuditRecord() {
        String number = Fixtures.newCardNumber();
        MemberView active = member(members, organisations, "NB-HS-T01-E1", number);
        MemberView lost = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        cards.reportOwnLost(lost.id(), "丢了");
        MemberView none = member(members, organisations, "NB-HS-T01-E1", null);
        long audits = jdbc.sql("select count(*) from audit_log where action = 'card.payee-accounts'").query(Long.class)
                .single();

        Map<Long, PayeeAccount> accounts = cards.payeeAccounts(List.of(active.id(), lost.id(), none.id(), active.id()));

        assertThat(accounts).containsOnlyKeys(active.id());
        assertThat(accounts.get(active.id())).isEqualTo(cards.payeeAccount(active.id()).orElseThrow());
        assertThat(accounts.get(active.id()).accountNumber()).isEqualTo(number);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'card.payee-accounts'").query(Long.class)
                .single()).isEqualTo(audits + 1);
        assertThat(cards.payeeAccounts(List.of())).isEmpty();
    }
}
