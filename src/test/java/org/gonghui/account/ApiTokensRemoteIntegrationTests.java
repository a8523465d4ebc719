package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.shared.events.Remote;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Token principals follow an account disabled on another instance as soon as its event arrives. */
@IntegrationTest
class ApiTokensRemoteIntegrationTests {

    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    @Test
    void anAccountDisabledElsewhereLosesItsTokensAtOnce() {
        long account = jdbc.sql("select id from account where username = 'jili'").query(Long.class).single();
        String token = tokens.issue(account).token();
        assertThat(tokens.authenticate(token)).isPresent();
        try {
            jdbc.sql("update account set enabled = false where id = :id").param("id", account).update();
            assertThat(tokens.authenticate(token)).as("kept for up to a minute").isPresent();
            events.publishEvent(new Remote<>(new AccountChanged(account), "instance-2", null));
            assertThat(tokens.authenticate(token)).isEmpty();
        } finally {
            jdbc.sql("update account set enabled = true where id = :id").param("id", account).update();
            tokens.revoke(token);
        }
    }
}
