package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.CardTestData.member;
import static org.gonghui.card.CardTestData.org;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.Sheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CardIssuanceIntegrationTests {

    @Autowired CardIssuance issuance;
    @Autowired Cards cards;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private MemberView newMember(String orgCode) {
        return member(members, organisations, orgCode, null);
    }

    private String idOf(MemberView member) {
        return members.revealOwn(member.id(), org.gonghui.member.PersonalField.ID_NUMBER);
    }

    private CurrentUser haishu() {
        return Fixtures.staffAt(org(organisations, "NB-HS"), Role.STAFF);
    }

    private static MockMultipartFile csv(String text, Charset charset) {
        return new MockMultipartFile("file", "issue.csv", "text/csv", text.getBytes(charset));
    }

    private long cardCount() {
        return jdbc.sql("select count(*) from card").query(Long.class).single();
    }

    @Test
    void aGoodFileIssuesEveryCardWithItsHistoryAndTheRegistrysMask() {
        MemberView a = newMember("NB-HS-T01-E1");
        MemberView b = newMember("NB-HS-T01-E1");
        String na = Fixtures.newCardNumber();
        String nb = Fixtures.newCardNumber();
        String text = "身份证号,姓名,卡号,版本,发卡日期,发卡网点\n"
                + idOf(a) + "," + a.name() + "," + na + ",2.0,2026-05-01,宁波银行海曙支行\n"
                + "\n"
                + idOf(b) + ", " + b.name() + " ,\"" + nb.substring(0, 4) + " " + nb.substring(4) + "\",3.0,2026/5/2,宁波银行海曙支行\n";
        ImportReport report = issuance.importFile(haishu(), csv(text, StandardCharsets.UTF_8));
        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isEqualTo(2);
        CardView cardA = cards.current(a.id()).orElseThrow();
        assertThat(cardA.status()).isEqualTo(CardStatus.ISSUED);
        assertThat(cardA.version()).isEqualTo(CardVersion.V2);
        assertThat(cardA.branch()).isEqualTo("宁波银行海曙支行");
        assertThat(cards.current(b.id()).orElseThrow().version()).isEqualTo(CardVersion.V3);
        assertThat(members.find(a.id()).orElseThrow().cardNumberMasked()).endsWith(na.substring(na.length() - 4));
        assertThat(cards.history(org(organisations, "NB-HS").treePath(), cardA.id())).extracting(CardHistoryLine::kind)
                .containsExactly(CardEventKind.ISSUED);
        // the member activates the card the bank issued; the payee account is the number in the file
        cards.activateOwn(a.id());
        assertThat(cards.payeeAccount(a.id()).orElseThrow().accountNumber()).isEqualTo(na);
    }

    @Test
    void oneBadLineImportsNothingAndNamesTheLine() {
        MemberView a = newMember("NB-HS-T01-E1");
        MemberView b = newMember("NB-HS-T01-E1");
        String good = Fixtures.newCardNumber();
        String bad = Fixtures.newCardNumber();
        String wrongCheck = bad.substring(0, bad.length() - 1) + (char) ('0' + (bad.charAt(bad.length() - 1) - '0' + 1) % 10);
        String text = idOf(a) + "," + a.name() + "," + good + ",2.0,2026-05-01,海曙支行\n"
                + idOf(b) + "," + b.name() + "," + wrongCheck + ",2.0,2026-05-01,海曙支行\n";
        long before = cardCount();
        ImportReport report = issuance.importFile(haishu(), csv(text, StandardCharsets.UTF_8));
        assertThat(report.succeeded()).isFalse();
        assertThat(report.imported()).isZero();
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2);
        assertThat(cardCount()).isEqualTo(before);
        assertThat(cards.current(a.id())).isEmpty();
        assertThat(members.find(a.id()).orElseThrow().cardNumberMasked()).isNull();
    }

    @Test
    void everyKindOfBadLineIsReportedWithItsReason() {
        MemberView ok = newMember("NB-HS-T01-E1");
        MemberView holder = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        MemberView elsewhere = newMember("NB-JB-T01-E1");
        String known = Fixtures.newCardNumber();
        member(members, organisations, "NB-HS-T01-E1", known);
        String twice = Fixtures.newCardNumber();
        String text = String.join("\n",
                idOf(ok) + "," + ok.name() + "," + twice + ",2.0,2026-05-01,支行",             // 1 good
                "110105198001010000,某人," + Fixtures.newCardNumber() + ",2.0,2026-05-01,支行",  // 2 bad ID number
                Fixtures.newIdNumber() + ",无此人," + Fixtures.newCardNumber() + ",2.0,2026-05-01,支行", // 3 unknown
                idOf(elsewhere) + "," + elsewhere.name() + "," + Fixtures.newCardNumber() + ",2.0,2026-05-01,支行", // 4 out of scope
                idOf(ok) + ",别人," + Fixtures.newCardNumber() + ",2.0,2026-05-01,支行",        // 5 name
                idOf(holder) + "," + holder.name() + "," + twice + ",2.0,2026-05-01,支行",     // 6 number twice, has card
                idOf(ok) + "," + ok.name() + "," + known + ",2.0,2026-05-01,支行",             // 7 member twice, known number
                idOf(newMember("NB-HS-T01-E1")) + ",x,1234,4.0,2099-01-01,");                   // 8 name, number, version, date, branch
        ImportReport report = issuance.importFile(haishu(), csv(text, StandardCharsets.UTF_8));
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(report.errors().get(2).messages()).containsExactly(report.errors().get(1).messages().get(0));
        assertThat(report.errors().get(4).messages()).hasSize(2);
        assertThat(report.errors().get(5).messages()).hasSize(2);
        assertThat(report.errors().get(6).messages()).hasSize(5);
        assertThat(cards.current(ok.id())).isEmpty();
    }

    @Test
    void readsGbkCsvAndExcelAndRefusesAnEmptyFile() {
        MemberView a = newMember("NB-HS-T01-E1");
        String gbk = "身份证号,姓名,卡号,版本,发卡日期,发卡网点\r\n" + idOf(a) + "," + a.name() + ","
                + Fixtures.newCardNumber() + ",3.0,2026年5月1日,宁波银行江北支行\r\n";
        assertThat(issuance.importFile(haishu(), csv(gbk, Charset.forName("GBK"))).succeeded()).isTrue();
        assertThat(cards.current(a.id()).orElseThrow().branch()).isEqualTo("宁波银行江北支行");

        MemberView b = newMember("NB-HS-T01-E1");
        MockMultipartFile sheet = Sheets.xlsx(issuance.header(),
                List.of(List.of(idOf(b), b.name(), Fixtures.newCardNumber(), "2.0", "2026-05-01", "宁波银行海曙支行")));
        assertThat(issuance.importFile(haishu(), sheet).succeeded()).isTrue();
        assertThat(cards.current(b.id())).isPresent();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> issuance.importFile(haishu(),
                csv("身份证号,姓名\n", StandardCharsets.UTF_8)))
                .isInstanceOf(DomainException.class).hasMessageContaining("upload.no-rows");
    }

    @Test
    void aThousandLinesImportInBatches() {
        List<org.gonghui.member.NewMember> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = Fixtures.newIdNumber();
            ids.add(id);
            rows.add(new org.gonghui.member.NewMember("批量" + i, id, Fixtures.newPhone(),
                    org(organisations, "NB-HS-T01-E1").id(), org.gonghui.member.MemberType.IN_SERVICE,
                    java.time.LocalDate.of(2020, 1, 1), null));
        }
        members.registerAll(rows, "test");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(ids.get(i)).append(",批量").append(i).append(',').append(Fixtures.newCardNumber())
                    .append(",2.0,2026-05-01,海曙支行\n");
        }
        long before = cardCount();
        ImportReport report = issuance.importFile(haishu(), csv(text.toString(), StandardCharsets.UTF_8));
        assertThat(report.errors()).isEmpty();
        assertThat(cardCount()).isEqualTo(before + 1000);
        assertThat(jdbc.sql("select count(*) from card_event e join card c on c.id = e.card_id "
                + "where c.issue_batch_id = (select max(id) from card_issue_batch)").query(Long.class).single())
                .isEqualTo(1000);
    }

    @Test
    void theConsoleAndTheApiImportForStaffOnly() throws Exception {
        MemberView a = newMember("NB-HS-T01-E1");
        String line = idOf(a) + "," + a.name() + "," + Fixtures.newCardNumber() + ",2.0,2026-05-01,海曙支行\n";
        String bad = idOf(a) + "," + a.name() + ",123,2.0,2026-05-01,海曙支行\n";
        mvc.perform(multipart("/console/card/issuance").file(csv(bad, StandardCharsets.UTF_8))
                        .with(Fixtures.as(haishu())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"import-result\"")))
                .andExpect(content().string(containsString("/console/imports/")));
        mvc.perform(multipart("/api/v1/card/issuance").file(csv(bad, StandardCharsets.UTF_8)).with(Fixtures.as(haishu())))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].row").value(1));
        mvc.perform(multipart("/api/v1/card/issuance").file(csv(line, StandardCharsets.UTF_8))
                        .with(Fixtures.as(Fixtures.member(a.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/card/issuance").file(csv(line, StandardCharsets.UTF_8)).with(Fixtures.as(haishu())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        assertThat(cards.current(a.id())).isPresent();
    }
}
