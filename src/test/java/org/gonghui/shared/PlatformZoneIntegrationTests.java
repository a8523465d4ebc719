package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.audit.AuditEntry;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log's day filter and times count in Beijing time, whatever the server's zone. */
@IntegrationTest
class PlatformZoneIntegrationTests {

    @Autowired AuditLog audit;
    @Autowired PlatformTime time;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;

    @Test
    void thePlatformCountsInTheConfiguredZoneNotTheJvms() {
        assertThat(time.zone()).isEqualTo(PlatformZone.ZONE);
        assertThat(time.today()).isEqualTo(LocalDate.now(PlatformZone.ZONE));
    }

    @Test
    void theAuditDayFilterTakesBeijingDays() throws Exception {
        String action = Fixtures.unique("tz.check.");
        // 23:59 on 1 March and 00:00 on 2 March in Beijing
        long lastMinute = entry(action, Instant.parse("2026-03-01T15:59:00Z"));
        long nextDay = entry(action, Instant.parse("2026-03-01T16:00:00Z"));
        LocalDate march1 = LocalDate.of(2026, 3, 1);

        assertThat(audit.search(new AuditLog.AuditQuery(null, action, null, null, march1, march1), 0, 50).items())
                .extracting(AuditEntry::id).containsExactly(lastMinute);
        assertThat(audit.search(new AuditLog.AuditQuery(null, action, null, null, march1.plusDays(1), null), 0, 50)
                .items()).extracting(AuditEntry::id).containsExactly(nextDay);

        mvc.perform(get("/console/audit").param("action", action).param("from", "2026-03-01").param("to", "2026-03-01")
                        .with(Fixtures.as(Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.ADMIN))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2026-03-01 23:59:00")));
    }

    private long entry(String action, Instant at) {
        jdbc.sql("insert into audit_log (at, actor, action) values (:at, 'tz-test', :a)").param("at", Timestamp.from(at))
                .param("a", action).update();
        return jdbc.sql("select max(id) from audit_log where action = :a").param("a", action).query(Long.class).single();
    }
}
