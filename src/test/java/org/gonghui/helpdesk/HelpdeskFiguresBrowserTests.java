package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The district head opens the help desk's figures and sees at once which township is behind (its line marked, the
 * red count shown), opens that township and finds the red request in the list by level. Screenshot:
 * target/screenshots/helpdesk-figures.png.
 */
@IntegrationTest
class HelpdeskFiguresBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictHeadSeesWhichTownshipIsBehind() throws Exception {
        OrganisationView nanmen = scenario.org("NB-HS-T01");
        MemberView worker = scenario.member("NB-HS-T01-C1");
        HelpRequestView late = scenario.submit(worker, HelpdeskScenario.consultation("社保缴费基数咨询"));
        jdbc.sql("update help_request set light = 'RED' where id = :id").param("id", late.id()).update();

        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1400));
            browser.go("/login").click("#staff-tab-button").type("#username", "haishu")
                    .type("#password", "Gonghui2026").click("#staff-submit");
            browser.find("[data-testid=home-org]");
            browser.go("/console/helpdesk/figures");
            WebElement line = browser.find("[data-testid=unit-row][data-org='" + nanmen.id() + "']");
            assertThat(line.getAttribute("class")).contains("table-danger");
            assertThat(Long.parseLong(line.findElement(By.cssSelector("[data-testid=red]")).getText())).isPositive();
            // the lines behind come first: the last line is not
            java.util.List<WebElement> lines = browser.all("[data-testid=unit-row]");
            assertThat(lines.get(lines.size() - 1).getAttribute("class")).doesNotContain("table-danger");
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/helpdesk-figures.png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

            line.findElement(By.cssSelector("a")).click();
            browser.waitForText("h1", nanmen.name());
            assertThat(browser.text("[data-testid=red-level][data-level='4']")).contains(late.requestNo());
            assertThat(browser.console()).noneMatch(entry -> entry.contains("Content Security Policy"));
        }
    }
}
