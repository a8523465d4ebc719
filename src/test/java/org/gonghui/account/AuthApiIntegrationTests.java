package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AuthApiIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired LoggingSmsSender sms;

    @Test
    void aMemberSignsInWithACodeUsesTheTokenAndRevokesIt() throws Exception {
        String phone = Fixtures.newPhone();
        MemberView member = members.register(organisations.findByCode("NB").orElseThrow().treePath(),
                new NewMember("验证码会员", Fixtures.newIdNumber(), phone,
                        organisations.findByCode("NB-HS-T01-C1").orElseThrow().id(), MemberType.IN_SERVICE, null, null));
        mvc.perform(post("/api/v1/auth/code").contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isAccepted());
        String code = sms.lastTo(phone).orElseThrow().replaceAll("\\D*(\\d{6}).*", "$1");
        mvc.perform(post("/api/v1/auth/code").contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("account.code.too-soon"));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\",\"code\":\"000000\"}".replace("000000", code.equals("000000") ? "111111" : "000000")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("account.code.wrong"));

        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andReturn().getResponse().getContentAsString();
        String bearer = "Bearer " + JsonPath.read(body, "$.token");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(member.id()))
                .andExpect(jsonPath("$.phoneMasked").value(phone.substring(0, 3) + "****" + phone.substring(7)));
        // a used code cannot be used again
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/auth/token").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void askingForACodeForAnUnknownPhoneLooksTheSameButSendsNothing() throws Exception {
        String phone = Fixtures.newPhone();
        mvc.perform(post("/api/v1/auth/code").contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isAccepted());
        assertThat(sms.lastTo(phone)).isEmpty();
    }

    @Test
    void staffGetATokenWithTheirPassword() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"jiangbei\",\"password\":\"Gonghui2026\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").exists());
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"nobody\",\"password\":\"Gonghui2026\"}"))
                .andExpect(status().isUnauthorized());
    }
}
