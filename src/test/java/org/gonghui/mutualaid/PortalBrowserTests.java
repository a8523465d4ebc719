package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium on a 375×812 phone screen: a member finds every service on the home page, sees at once
 * that a claim waits for a document, and each claim says what it is for, how much, and what to do next; the
 * claim form shows only the chosen plan's fields. Screenshots go to {@code target/screenshots}.
 */
@IntegrationTest
class PortalBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Accounts accounts;

    @Test
    void theMemberFindsEveryServiceAndSeesWhatEachClaimNeeds() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        CurrentUser self = MutualAidScenario.self(member);
        CurrentUser reviewer = scenario.reviewer("NB-HS");
        ClaimView approved = scenario.approved(member, "2400");
        ClaimView inReview = scenario.submit(member, "1200");
        scenario.review.accept(reviewer, inReview.id(), null);
        ClaimView waiting = scenario.submit(member, "6000");
        for (DocumentType type : List.of(DocumentType.ID_CARD, DocumentType.BANK_CARD, DocumentType.SETTLEMENT_SHEET,
                DocumentType.INVOICE)) {
            scenario.claims.upload(self, waiting.id(), type, BytesFile.png(type + ".png"));
        }
        scenario.review.accept(reviewer, waiting.id(), null);
        scenario.review.requestDocuments(reviewer, waiting.id(), null, List.of(DocumentType.DISCHARGE_RECORD),
                "请补交出院小结", null);
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = scenario.members.revealOwn(member.id(), PersonalField.PHONE);

        try (Browser phone375 = phone(port)) {
            phone375.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            phone375.find("#member-password").submit();
            phone375.find("[data-testid=tiles]");
            assertThat(phone375.text("[data-testid=member-name]")).isEqualTo(member.name());
            for (String tile : List.of("activities", "welfare", "mine", "mutual-aid", "card", "profile")) {
                assertThat(phone375.all("[data-testid=tile-" + tile + "]")).as(tile).hasSize(1);
            }
            assertThat(phone375.text("[data-testid=todo]")).contains("医疗互助", "1 笔申请待补交材料");
            assertThat(phone375.text("[data-testid=tile-mutual-aid]")).contains("1 笔申请待补交材料", "1 笔申请审核中",
                    "1 笔申请待到账");
            screenshot(phone375, "portal-home.png");

            phone375.click("[data-testid=todo]");
            phone375.find("[data-testid=claim-row]");
            List<WebElement> rows = phone375.all("[data-testid=claim-row]");
            assertThat(rows).hasSize(3);
            WebElement first = rows.get(0); // newest first: the claim waiting for the discharge summary
            assertThat(first.getText()).contains("待补件", "在职职工住院医疗互助", "宁波市第一医院", "住院",
                    "请在", "前补交下列材料", "出院记录/出院小结", waiting.claimNo(), "元");
            assertThat(rows.get(1).getText()).contains("审核中", "请上传下列材料", "身份证");
            assertThat(rows.get(2).getText()).contains("已核准", "预计", "转入您的银行卡");
            String awaiting = badgeColour(first);
            assertThat(List.of(badgeColour(rows.get(1)), badgeColour(rows.get(2)))).doesNotContain(awaiting);
            screenshot(phone375, "portal-claims.png");

            first.click();
            phone375.find("[data-testid=claim-summary]");
            assertThat(phone375.text("[data-testid=claim-status]")).isEqualTo("待补件");
            assertThat(phone375.text("[data-testid=next-step]")).contains("您需要做的", "出院记录/出院小结");
            assertThat(phone375.text("[data-testid=claim-summary]")).contains("在职职工住院医疗互助", "宁波市第一医院",
                    "肺炎", "6,000.00 元");
            screenshot(phone375, "portal-claim.png");

            phone375.go("/me/mutual-aid?lang=en");
            assertThat(phone375.text("[data-testid=claim-row]")).contains("Awaiting documents",
                    "In-service inpatient mutual aid", "In hospital", "What you need to do", "Upload these documents by",
                    "Discharge record", " yuan");
            phone375.go("/");
            assertThat(phone375.text("[data-testid=todo]")).contains("Mutual aid", "1 claim(s) need documents");
            screenshot(phone375, "portal-home-en.png");
        }
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void theClaimFormShowsOnlyTheChosenPlansFields() throws Exception {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 1, MemberType.IN_SERVICE);
        for (String project : List.of(ReferenceRules.INPATIENT, ReferenceRules.SERIOUS)) {
            UnitEnrolmentResult result = scenario.enrolments.enrolUnit(scenario.admin(),
                    scenario.request(unit, project, 1), scenario.rows(staff));
            assertThat(result.succeeded()).as(result.problems().toString()).isTrue();
        }
        MemberView member = staff.get(0);
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = scenario.members.revealOwn(member.id(), PersonalField.PHONE);

        try (Browser phone375 = phone(port)) {
            phone375.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            phone375.find("#member-password").submit();
            phone375.find("[data-testid=tiles]");
            phone375.go("/me/mutual-aid/claims/new");
            Select plan = new Select(phone375.find("#project"));
            assertThat(phone375.find("#choose-plan").isDisplayed()).isFalse(); // the script switches at once

            plan.selectByValue(ReferenceRules.INPATIENT);
            assertThat(phone375.find("#endDate").isDisplayed()).isTrue();
            assertThat(phone375.find("#diagnosisDate").isDisplayed()).isFalse();
            assertThat(visible(phone375, "select[name=disease]")).isEmpty();
            assertThat(phone375.text("[data-testid=checklist]")).contains("住院结算单");
            assertThat(phone375.text("#claim-form")).contains("医疗费总额", "统筹基金支付", "个人自付");

            plan.selectByValue(ReferenceRules.SERIOUS);
            assertThat(phone375.find("#endDate").isDisplayed()).isFalse();
            assertThat(phone375.find("#diagnosisDate").isDisplayed()).isTrue();
            List<WebElement> diseases = visible(phone375, "select[name=disease]");
            assertThat(diseases).hasSize(1);
            List<String> options = new Select(diseases.get(0)).getOptions().stream().map(o -> o.getAttribute("value"))
                    .filter(v -> !v.isEmpty()).toList();
            assertThat(options).containsExactlyInAnyOrderElementsOf(ReferenceRules.SERIOUS_DISEASES);
            assertThat(phone375.find("#chosen-project").getAttribute("value")).isEqualTo(ReferenceRules.SERIOUS);
            assertThat(phone375.text("[data-testid=checklist]")).contains("病理报告");
        }
    }

    /** A phone: 375×812 CSS pixels, touch, device scale 1 (the screenshots are 375×812). */
    static Browser phone(int port) throws Exception {
        Browser browser = Browser.open(port);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        return browser;
    }

    static void screenshot(Browser browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    private static String badgeColour(WebElement row) {
        return row.findElement(By.cssSelector(".gh-status")).getCssValue("background-color");
    }

    private static List<WebElement> visible(Browser browser, String css) {
        return browser.all(css).stream().filter(WebElement::isDisplayed).toList();
    }
}
