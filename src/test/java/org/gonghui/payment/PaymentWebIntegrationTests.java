package org.gonghui.payment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.gonghui.member.MemberView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PaymentWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    PaymentTestSupport support;
    @Autowired
    PaymentBatches batches;

    @Test
    void consolePagesRenderAndTheBankFilesGoThroughThem() throws Exception {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        long id = support.entitle(member, "66.60");
        CurrentUser admin = support.admin("NB");
        mvc.perform(get("/console/payments").with(Fixtures.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("66.60")));
        String location = mvc.perform(post("/console/payments/batches").param("programme", PaymentTestSupport.PROGRAMME)
                        .with(Fixtures.as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long batchId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(Fixtures.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(Entitlements.batchNo(batchId))))
                .andExpect(content().string(not(containsString(PaymentTestSupport.registryAccount(member.id())))));
        byte[] transfer = mvc.perform(get(location + "/transfer.csv").with(Fixtures.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart(location + "/result").file(new MockMultipartFile("file", "result.csv", "text/csv",
                        PaymentTestSupport.bankResult(transfer, ref -> "SUCCESS"))).with(Fixtures.as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/payments/entitlements/{id}", id).with(Fixtures.as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void anotherDistrictsBatchAndPaymentAreNotFoundAndOnlyAdminsPay() throws Exception {
        MemberView jiangbei = support.memberWithAccount("NB-JB");
        long id = support.entitle(jiangbei, "10");
        BatchView batch = batches.createBatch(support.admin("NB-JB"), PaymentTestSupport.PROGRAMME).orElseThrow();
        CurrentUser haishu = support.admin("NB-HS");

        mvc.perform(get("/console/payments/batches/{id}", batch.id()).with(Fixtures.as(haishu))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/batches/{id}/transfer-file", batch.id()).with(Fixtures.as(haishu)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/entitlements/{id}", id).with(Fixtures.as(haishu))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/payments/batches").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programme\":\"PAYTEST\"}").with(Fixtures.as(support.staff("NB-JB"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments/batches").with(Fixtures.as(support.staff("NB-JB")))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + batch.id() + ")]").exists());
        mvc.perform(get("/console/payments").with(Fixtures.as(Fixtures.member(jiangbei.id()))))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void badInputIsRefusedWithAClearLocalisedMessage() throws Exception {
        CurrentUser admin = support.admin("NB");
        mvc.perform(post("/api/v1/payments/batches").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programme\":\"NO_SUCH\"}").header("Accept-Language", "en").with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("no payment programme")));
        mvc.perform(post("/api/v1/payments/batches").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programme\":42}").with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/payments/entitlements").param("status", "MAYBE").with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/payments/batches/abc").with(Fixtures.as(admin))).andExpect(status().isBadRequest());
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        support.entitle(member, "5");
        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        mvc.perform(multipart("/api/v1/payments/batches/{id}/result", batch.id())
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", "nonsense".getBytes(StandardCharsets.UTF_8)))
                        .with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("batch_no,payment_id")));
        mvc.perform(put("/api/v1/payments/me/payee").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"account\":\"6222020200000000000\",\"bank\":\"宁波银行\"}")
                        .with(Fixtures.as(Fixtures.member(member.id()))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMemberSeesOwnPaymentsAndSetsOwnAccountOnThePhonePage() throws Exception {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        MemberView other = support.memberWithAccount("NB-HS-T01-E1");
        long mine = support.entitle(member, "321.00");
        support.entitle(other, "987.00");
        CurrentUser self = Fixtures.member(member.id());

        mvc.perform(get("/me/payments").with(Fixtures.as(self))).andExpect(status().isOk())
                .andExpect(content().string(containsString("321.00")))
                .andExpect(content().string(not(containsString("987.00"))))
                .andExpect(content().string(containsString("测试支付项目")));
        mvc.perform(get("/api/v1/payments/me").with(Fixtures.as(self))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(mine));
        String card = Fixtures.newCardNumber();
        mvc.perform(post("/me/payments/payee").param("account", card).param("bank", "宁波银行")
                        .with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/payments/me/payee").with(Fixtures.as(self))).andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("OWN"))
                .andExpect(jsonPath("$.accountMasked").value(containsString(card.substring(card.length() - 4))))
                .andExpect(content().string(not(containsString(card))));
        mvc.perform(get("/api/v1/payments/me").with(Fixtures.as(support.staff("NB")))).andExpect(status().isForbidden());
    }
}
