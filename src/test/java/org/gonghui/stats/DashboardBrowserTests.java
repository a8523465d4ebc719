package org.gonghui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The district head opens the dashboard on a phone, sees the figures and their charts, taps a figure and sees it for
 * each township, then opens one township's dashboard. Screenshots: target/screenshots/dashboard-phone*.png.
 */
@IntegrationTest
class DashboardBrowserTests {

    @LocalServerPort int port;
    @Autowired Organisations organisations;
    @Autowired FigureRefresh refresh;
    @Autowired TestFigures figures;
    @Autowired PlatformTime time;

    @BeforeEach
    void switchTheTestSourceOn() {
        figures.activate();
    }

    @AfterEach
    void switchTheTestSourceOff() {
        figures.deactivate();
    }

    @Test
    void theDistrictHeadDrillsDownToTheTownshipsOnAPhone() throws Exception {
        int year = time.today().getYear();
        OrganisationView haishu = organisations.findByCode("NB-HS").orElseThrow();
        List<OrganisationView> townships = organisations.children(haishu.id());
        for (int i = 0; i < townships.size(); i++) {
            figures.put(year, townships.get(i).id(), TestFigures.PEOPLE, 100 + i);
        }
        refresh.refresh(year);

        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(375, 812));
            browser.go("/login").click("#staff-tab-button").type("#username", "haishu")
                    .type("#password", "Gonghui2026").click("#staff-submit");
            browser.find("[data-testid=home-org]");
            browser.click("[data-testid=home-dashboard]");
            browser.waitForText("[data-testid=dashboard-org]", haishu.name());
            browser.find("section[data-section='" + TestFigures.SECTION + "'] canvas");
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/dashboard-phone.png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            // nothing wider than the phone: the page does not scroll sideways
            Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(width.intValue()).isLessThanOrEqualTo(375);

            browser.submit("tr[data-key='" + TestFigures.PEOPLE + "'] [data-testid=figure-link]");
            browser.find("[data-testid=figure-children]");
            List<WebElement> rows = browser.all("[data-testid=child-row]");
            assertThat(rows).hasSize(townships.size());
            assertThat(browser.all("[data-testid=child-link]").stream().map(WebElement::getText).toList())
                    .containsExactlyInAnyOrderElementsOf(townships.stream().map(OrganisationView::name).toList());
            browser.find("[data-gh-charts] canvas");
            Files.write(Path.of("target/screenshots/dashboard-phone-townships.png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

            OrganisationView first = townships.get(0);
            browser.submit("[data-testid=child-row] a[href*='/console/dashboard/" + first.id() + "?']");
            browser.waitForText("[data-testid=dashboard-org]", first.name());
            assertThat(browser.console()).noneMatch(entry -> entry.contains("Content Security Policy"));
        }
    }
}
