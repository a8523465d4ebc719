package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.gonghui.member.Members;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The city's administrator runs November's allowances in the console, runs it again, and sees the month on the record. */
@IntegrationTest
class AllowanceRunBrowserTests {

    @LocalServerPort int port;
    @Autowired ModelWorkerArchive archive;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdministratorRunsTheMonthOnceFromTheConsole() throws Exception {
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        ModelWorkerView worker = ModelWorkerTestData.memberWorker(archive, members, organisations, "NB-HS-T01-E1",
                ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 16));
        try (Browser browser = Browser.open(port)) {
            browser.go("/login").click("#staff-tab-button").type("#username", "admin")
                    .type("#password", "Gonghui2026").click("#staff-submit");
            browser.find("[data-testid=current-user]");
            browser.go("/console/model-workers");
            browser.click("[data-testid=allowances]");
            assertThat(browser.find("[data-testid=run-month]").getAttribute("value")).isEqualTo("2026-11");
            browser.submit("[data-testid=run]");
            assertThat(browser.text("[data-testid=notice]")).startsWith("2026-11 已生成");
            assertThat(browser.text("[data-testid=run-row]")).contains("2026-11").contains("admin");
            browser.submit("[data-testid=run]");
            assertThat(browser.text("[data-testid=notice]")).contains("0 人待发放");
            browser.go("/console/model-workers/" + worker.id());
            assertThat(browser.all("[data-testid=line-row]")).hasSize(1);
            assertThat(browser.text("[data-testid=line-row]")).contains("2026-11").contains("¥150.00").contains("15/30")
                    .contains("已生成待发放");
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }
}
