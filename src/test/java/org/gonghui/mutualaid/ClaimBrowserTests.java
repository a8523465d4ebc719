package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: a member on the phone submits a claim with a photo of the invoice; a Haishu
 * reviewer accepts it and asks for one more document; the member sees what is missing and by when.
 */
@IntegrationTest
class ClaimBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Accounts accounts;

    @Test
    void memberSubmitsClaimWithDocumentAndReviewerRequestsOneMore() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = scenario.members.revealOwn(member.id(), PersonalField.PHONE);
        ClaimForm stay = scenario.stay("6000");
        Path photo = Files.createTempFile("invoice", ".png");
        Files.write(photo, BytesFile.png("invoice.png").bytes());
        String claimUrl;

        try (Browser phoneBrowser = Browser.open(port)) {
            phoneBrowser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            phoneBrowser.find("#member-password").submit();
            phoneBrowser.find("[data-testid=member-name]");
            phoneBrowser.go("/me/mutual-aid").click("[data-testid=new-claim]");
            assertThat(phoneBrowser.text("[data-testid=checklist]")).contains("住院结算单", "医疗费用发票");
            phoneBrowser.type("#hospital", stay.hospital());
            setValue(phoneBrowser, "#eventDate", stay.eventDate().toString());
            setValue(phoneBrowser, "#endDate", stay.endDate().toString());
            phoneBrowser.type("#diagnosis", stay.diagnosis()).type("#totalCost", "12000").type("#insurancePaid", "6000")
                    .type("#selfPaid", "6000").type("#invoiceNo", stay.invoiceNo());
            press(phoneBrowser, "#submit-claim");
            assertThat(phoneBrowser.text("[data-testid=claim-status]")).isEqualTo("已提交");
            assertThat(phoneBrowser.text("[data-testid=explanation]")).contains("2,900.00 元", "200.00 元");
            WebElement file = phoneBrowser.find("#file");
            assertThat(file.getAttribute("accept")).isEqualTo("image/*,application/pdf");
            assertThat(file.getAttribute("capture")).isNotNull();
            phoneBrowser.driver().findElement(org.openqa.selenium.By.cssSelector("#type option[value=INVOICE]")).click();
            file.sendKeys(photo.toString());
            press(phoneBrowser, "#upload");
            phoneBrowser.find("[data-testid=document]"); // the page after the upload
            assertThat(phoneBrowser.all("[data-testid=document]")).hasSize(1);
            claimUrl = phoneBrowser.url().replaceAll("\\?.*", "");
        }
        String claimId = claimUrl.substring(claimUrl.lastIndexOf('/') + 1);

        try (Browser console = Browser.open(port)) {
            console.go("/login").click("#staff-tab-button").type("#username", "haishu").type("#password", "Gonghui2026")
                    .click("#staff-submit");
            console.find("[data-testid=home-org]");
            console.go("/console/mutual-aid/claims");
            assertThat(console.text("[data-testid=claim-table]")).contains("MA" + scenario.year().startYear() + "-");
            console.go("/console/mutual-aid/claims/" + claimId);
            assertThat(console.all("[data-testid=document] img")).hasSize(1);
            assertThat(console.text("[data-testid=amount]")).isEqualTo("2,900.00 元");
            press(console, "#accept");
            console.waitForText("[data-testid=claim-status]", "审核中");
            press(console, "#item-DISCHARGE_RECORD");
            console.type("#request-form input[name=note]", "请补交出院小结");
            press(console, "#request-documents");
            console.waitForText("[data-testid=claim-status]", "待补件");
        }

        try (Browser phoneBrowser = Browser.open(port)) {
            phoneBrowser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            phoneBrowser.find("#member-password").submit();
            phoneBrowser.find("[data-testid=member-name]");
            phoneBrowser.go("/me/mutual-aid/claims/" + claimId);
            assertThat(phoneBrowser.text("[data-testid=claim-status]")).isEqualTo("待补件");
            List<String> requested = phoneBrowser.all("[data-testid=requested-item]").stream().map(WebElement::getText).toList();
            assertThat(requested).containsExactly("出院记录/出院小结");
            assertThat(phoneBrowser.text("[data-testid=document-request]")).contains("请补交出院小结", "前补交");
            assertThat(phoneBrowser.text("[data-testid=timeline]")).contains("要求补件");
        }
    }

    /**
     * Clicks after scrolling the element to the middle (the phone layout's tab bar covers the bottom), at once:
     * Bootstrap makes scrolling smooth, and a click during the animation lands on whatever passes under it.
     */
    private static void press(Browser browser, String css) {
        WebElement element = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        browser.click(css);
    }

    private static void setValue(Browser browser, String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }
}
