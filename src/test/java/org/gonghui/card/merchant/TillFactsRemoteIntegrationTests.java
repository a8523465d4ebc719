package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.outlet;

import org.gonghui.card.CardMerchantsChanged;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.events.Remote;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The till's merchant facts follow a change made on another instance as soon as its event arrives. */
@IntegrationTest
class TillFactsRemoteIntegrationTests {

    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Organisations organisations;
    @Autowired TillFacts facts;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aChangeOnAnotherInstanceMakesTheTillReadTheMerchantAgain() {
        var m = MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("集群影城"), "cinema", outlet("一厅", 29.87, 121.55)));
        facts.of(m.account());
        long loads = facts.loads();
        facts.of(m.account());
        assertThat(facts.loads()).as("kept").isEqualTo(loads);
        events.publishEvent(new Remote<>(new CardMerchantsChanged(), "instance-2", null));
        facts.of(m.account());
        assertThat(facts.loads()).as("read again after the other instance's change").isEqualTo(loads + 1);
    }
}
