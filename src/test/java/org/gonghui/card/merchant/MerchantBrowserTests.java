package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.account.Accounts;
import org.gonghui.card.Cards;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member opens their dynamic code on a phone-sized page, finds a nearby cinema by their position (the browser's
 * geolocation, allowed), and the demo cinema (sign-in {@code cinema}) redeems that code on its page.
 */
@IntegrationTest
class MerchantBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired Cards cards;

    @Test
    void aMemberFindsANearbyCinemaAndTheCinemaRedeemsTheirCode() throws Exception {
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);
        String masked = cards.current(member.id()).orElseThrow().numberMasked();
        String token;
        try (Browser phoneBrowser = Browser.open(port)) {
            ChromeDriver driver = (ChromeDriver) phoneBrowser.driver();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            phoneBrowser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            phoneBrowser.find("#member-password").submit();
            phoneBrowser.find("[data-testid=tiles]");

            // standing in Tianyi Square, the member allows the position and looks for cinemas
            driver.executeCdpCommand("Browser.grantPermissions",
                    Map.of("origin", "http://localhost:" + port, "permissions", java.util.List.of("geolocation")));
            driver.executeCdpCommand("Emulation.setGeolocationOverride",
                    Map.of("latitude", 29.8713, "longitude", 121.5540, "accuracy", 20));
            phoneBrowser.go("/card/outlets?category=cinema");
            phoneBrowser.click("[data-testid=locate]");
            phoneBrowser.find("[data-testid=outlet]");
            assertThat(phoneBrowser.all("[data-testid=outlet]").get(0).getText()).contains("甬城影城", "天一广场店", "0 米");
            assertThat(phoneBrowser.url()).contains("lat=29.8713").doesNotContain("district=");

            // the member's dynamic code
            phoneBrowser.go("/card");
            phoneBrowser.find("[data-testid=dynamic-code]");
            String svg = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                    "var done = arguments[0]; fetch('/card/code.svg').then(r => r.text()).then(done);");
            token = decode(svg);
            assertThat(token).startsWith("GH1.");
            assertThat(phoneBrowser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }

        try (Browser till = Browser.open(port)) {
            till.go("/login").click("#staff-tab-button").type("#username", "cinema").type("#password", "Merchant2026")
                    .click("#staff-submit");
            till.find("[data-testid=merchant-tabs]");
            till.click("[data-testid=tab-card]");
            till.find("[data-testid=till]");
            till.type("#code", token).type("#bill", "80").click("[data-testid=till-submit]");
            till.find("[data-testid=card-redeemed]");
            assertThat(till.text("[data-testid=receipt-card]")).isEqualTo(masked);
            assertThat(till.text("[data-testid=receipt-discount]")).isEqualTo("16.00 元");
            assertThat(till.text("[data-testid=receipt-pay]")).isEqualTo("64.00 元");
            assertThat(till.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    /**
     * Reads the QR code of the page's SVG (one path of 1×1 squares) back into its text: drawn with a quiet zone of four
     * modules and decoded as a pure barcode, since a scanner's guess at finder patterns fails now and then on a
     * perfectly drawn code (a checksum error, for some tokens).
     */
    static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int margin = 4;
        int width = (modules + 2 * margin) * scale;
        int[] pixels = new int[width * width];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1)) + margin;
            int y = Integer.parseInt(square.group(2)) + margin;
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * width + x * scale + dx] = 0xFF000000;
                }
            }
        }
        var source = new RGBLuminanceSource(width, width, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
