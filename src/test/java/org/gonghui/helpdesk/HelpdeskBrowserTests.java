package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 12351 chain in headless Chromium, with the shared test clock moved through March 2026: a member submits a
 * request on a 375×812 phone page; the township (南门街道) dispatches it to the enterprise service point, which replies;
 * the member follows up and nobody answers for 7 working days — the light is yellow on the staff list and on the
 * member's page; 3 working days later it is red, the township supervises it automatically and the district (海曙区)
 * sends a supervision notice; the service point answers it and closes the request; the member rates it 满意.
 * Screenshots go to {@code target/screenshots}.
 */
@IntegrationTest
class HelpdeskBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String STAFF_PASSWORD = "Gonghui2026";

    @LocalServerPort
    int port;
    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    LightJob job;
    @Autowired
    WorkingTime workingTime;
    @Autowired
    JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    private static Instant at(String local) {
        return LocalDateTime.parse(local.replace(' ', 'T')).atZone(PlatformZone.ZONE).toInstant();
    }

    @AfterEach
    void putTimeBackAndRemoveTheRequest() {
        clock.reset();
        for (long id : made) {
            for (String table : List.of("help_request_event", "help_request_pause", "help_request_supervision",
                    "help_request_document", "help_request_referral", "help_light_alert")) {
                jdbc.sql("delete from " + table + " where request_id = ?").param(id).update();
            }
            jdbc.sql("delete from help_request where id = ?").param(id).update();
        }
    }

    @Test
    void aRequestGoesYellowThenRedIsSupervisedClosedAndRated() throws Exception {
        clock.set(at("2026-03-02 09:00"));
        MemberView member = scenario.member("NB-HS-T01");
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = scenario.members.revealOwn(member.id(), PersonalField.PHONE);

        try (Browser mobile = phone(port); Browser console = Browser.open(port)) {
            // the member asks for help on the phone
            mobile.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            mobile.find("#member-password").submit();
            mobile.find("[data-testid=tile-helpdesk]");
            assertThat(mobile.text("[data-testid=tile-helpdesk]")).contains("12351 求助维权");
            mobile.click("[data-testid=tile-helpdesk]");
            press(mobile, "[data-testid=new-request]");
            new Select(mobile.find("#type")).selectByValue("CONSULTATION");
            new Select(mobile.find("#subtype")).selectByValue("CONSULT_POLICY");
            assertThat(mobile.find("[data-helpdesk-employer]").isDisplayed()).as("only for complaints").isFalse();
            assertThat(mobile.find("#photos").getAttribute("accept")).isEqualTo("image/*");
            mobile.type("#subject", "咨询职工疗休养政策");
            mobile.type("#content", "今年单位没有安排疗休养，想了解政策。");
            press(mobile, "#submit-request");
            mobile.find("[data-testid=request-summary]");
            assertThat(mobile.text("[data-testid=notice]")).contains("已提交", scenario.org("NB-HS-T01").name());
            assertThat(mobile.text("[data-testid=request-summary] [data-testid=light]")).isEqualTo("绿灯");
            assertThat(mobile.text("[data-testid=next-step]")).contains("前答复您");
            long id = Long.parseLong(mobile.url().replaceAll("\\?.*", "").replaceAll(".*/", ""));
            made.add(id);
            String requestNo = jdbc.sql("select request_no from help_request where id = ?").param(id)
                    .query(String.class).single();

            // the township dispatches it to the enterprise service point
            signIn(console, "nanmen");
            console.go("/console/helpdesk");
            assertThat(row(console, id).getText()).contains(requestNo, "绿灯", "首次响应", "下次更新", "办结期限");
            console.go("/console/helpdesk/requests/" + id);
            new Select(console.find("#dispatch-to")).selectByVisibleText(scenario.org("NB-HS-T01-E1").name());
            console.type("#dispatch-form input[name=note]", "请企业服务站答复");
            press(console, "#dispatch");
            console.waitForText("[data-testid=handling-org]", scenario.org("NB-HS-T01-E1").name());

            // the service point replies, and judges the matter complex (15 working days to resolve)
            signIn(console, "jili");
            console.go("/console/helpdesk/requests/" + id);
            console.type("#reply-text", "您好，疗休养政策见市总工会通知，我们会联系您单位落实。");
            console.submit("#send-reply");
            console.find("[data-testid=notice]");
            new Select(console.find("#difficulty-form select")).selectByValue("COMPLEX");
            press(console, "#difficulty-form button");
            console.waitForText("[data-testid=difficulty]", "特别复杂");
            assertThat(console.text("[data-testid=deadlines]")).contains("已响应");

            // the next day the member follows up, and nobody answers
            clock.set(at("2026-03-03 09:00"));
            mobile.go("/help/" + id);
            assertThat(mobile.text("[data-testid=history]")).contains("工会答复", "疗休养政策见市总工会通知");
            mobile.type("#information-text", "单位说今年没有名额，请再帮我问问。");
            mobile.submit("#send-information");
            mobile.find("[data-testid=notice]");

            // 7 working days later the light is yellow, on the staff list and for the member
            clock.set(workingTime.plus(at("2026-03-03 09:00"), 7, List.of()));
            job.evaluate();
            console.go("/console/helpdesk");
            assertThat(light(row(console, id))).isEqualTo("YELLOW");
            assertThat(row(console, id).getText()).contains("黄灯");
            mobile.go("/help");
            assertThat(mobile.text("[data-testid=request-row] [data-testid=light]")).isEqualTo("黄灯");
            assertThat(mobile.text("[data-testid=latest-reply]")).contains("疗休养政策见市总工会通知");
            screenshot(mobile, "helpdesk-portal.png");

            // 3 more working days: red, supervised by the township at once; the district sends a notice too
            clock.set(workingTime.plus(at("2026-03-03 09:00"), 10, List.of()));
            job.evaluate();
            signIn(console, "haishu");
            console.go("/console/helpdesk?light=RED");
            assertThat(light(row(console, id))).isEqualTo("RED");
            assertThat(row(console, id).getText()).contains("红灯", "督办中");
            console.go("/console/helpdesk/requests/" + id);
            assertThat(console.text("[data-testid=supervisions]")).contains("自动督办", scenario.org("NB-HS-T01").name());
            console.type("#supervise-reason", "请三日内答复会员并报告进展");
            console.submit("#supervise");
            console.find("[data-testid=notice]");
            assertThat(console.all("[data-testid=supervision]")).hasSize(2);
            assertThat(console.text("[data-testid=supervisions]")).contains(scenario.org("NB-HS").name(), "请三日内答复会员并报告进展");
            screenshot(console, "helpdesk-console-request.png");
            console.go("/console/helpdesk");
            screenshot(console, "helpdesk-console.png");

            // the service point answers the notices, replies and closes the request
            signIn(console, "jili");
            console.go("/console/helpdesk/requests/" + id);
            for (int i = 0; i < 2; i++) {
                console.type("[data-testid=supervisions] form textarea", "已与单位沟通，本周安排疗休养。");
                console.submit("[data-testid=answer-supervision]");
                console.find("[data-testid=notice]");
            }
            console.type("#reply-text", "单位已同意本周安排您参加疗休养。");
            console.submit("#send-reply");
            console.find("[data-testid=notice]");
            new Select(console.find("#outcome")).selectByValue("RESOLVED");
            press(console, "#close-request");
            console.waitForText("[data-testid=status]", "已办结");

            // the member rates the result
            mobile.go("/help/" + id);
            assertThat(mobile.text("[data-testid=next-step]")).contains("请评价");
            assertThat(mobile.text("[data-testid=request-summary] [data-testid=light]")).isEqualTo("已办结");
            press(mobile, "label[for=rate-SATISFIED]");
            press(mobile, "#send-rating");
            mobile.waitForText("[data-testid=my-rating]", "满意");
            screenshot(mobile, "helpdesk-portal-request.png");
            mobile.go("/help/new");
            new Select(mobile.find("#type")).selectByValue("COMPLAINT");
            new Select(mobile.find("#subtype")).selectByValue("COMPLAINT_WAGES");
            assertThat(mobile.find("[data-helpdesk-employer]").isDisplayed()).isTrue();
            assertThat(mobile.find("#answer-COMPLAINT_WAGES-employer").isDisplayed()).isTrue();
            screenshot(mobile, "helpdesk-portal-form.png");
            assertThat(mobile.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
        assertThat(jdbc.sql("select satisfaction from help_request where id = ?").param(made.get(0))
                .query(String.class).single()).isEqualTo("SATISFIED");
    }

    private static void signIn(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.go("/login").click("#staff-tab-button").type("#username", username).type("#password", STAFF_PASSWORD)
                .click("#staff-submit");
        browser.find("[data-testid=current-user]");
    }

    private static WebElement row(Browser browser, long id) {
        return browser.find("[data-testid=request-row][data-id='" + id + "']");
    }

    private static String light(WebElement row) {
        return row.findElement(org.openqa.selenium.By.cssSelector("[data-testid=light]")).getAttribute("data-light");
    }

    /** A phone: 375×812 CSS pixels, touch, device scale 1 (the screenshots are 375×812). */
    static Browser phone(int port) throws Exception {
        Browser browser = Browser.open(port);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        return browser;
    }

    private static void press(Browser browser, String css) {
        WebElement element = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        browser.click(css);
    }

    static void screenshot(Browser browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
