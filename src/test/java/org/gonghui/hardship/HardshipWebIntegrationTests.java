package org.gonghui.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.hardship.HardshipTestData.member;
import static org.gonghui.hardship.HardshipTestData.org;
import static org.gonghui.hardship.HardshipTestData.staff;
import static org.gonghui.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import org.gonghui.hardship.internal.ArchiveStatus;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.MeansTestData;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class HardshipWebIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired HardshipApplications applications;
    @Autowired MeansTestData data;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired TestClock clock;
    @Autowired org.gonghui.hardship.internal.ArchiveRecords records;

    @BeforeEach
    void standard() {
        clock.set(Instant.parse("2032-04-10T02:00:00Z"));
        data.setStandard(org(organisations, "NB-ZH").id(), 2032, new BigDecimal("1200.00"), "test");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static MockHttpServletRequestBuilder household(MockHttpServletRequestBuilder request, String selfId,
            String income) {
        return request.param("name", "赵敏", "赵小宝", "").param("idNumber", selfId, Fixtures.newIdNumber(), "")
                .param("relation", "SELF", "CHILD", "SPOUSE").param("income", income, "0", "")
                .param("medical", "8,000").param("education", "2000").param("disability", "")
                .param("cause", "ILLNESS").param("note", "本人慢性病").with(csrf());
    }

    @Test
    void aMemberAppliesOnThePhoneAndStaffTakeItThroughTheConsole() throws Exception {
        MemberView m = member(members, organisations, "NB-ZH-T02-E1");
        var self = as(Fixtures.member(m.id()));
        String own = members.revealOwn(m.id(), PersonalField.ID_NUMBER);
        mvc.perform(get("/me/hardship").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"hardship-form\"")));
        mvc.perform(household(post("/me/hardship"), own, "3万").with(self)).andExpect(flash().attributeExists("error"));
        mvc.perform(household(post("/me/hardship"), own, "30,000").with(self)).andExpect(flash().attributeExists("notice"));
        ArchiveView archive = applications.ownArchives(m.id()).get(0);
        assertThat(archive.status()).isEqualTo(ArchiveStatus.SUBMITTED);
        mvc.perform(get("/me/hardship/" + archive.id()).with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"explanation\"")))
                .andExpect(content().string(containsString("深度困难")));
        mvc.perform(get("/").with(self)).andExpect(content().string(containsString("/me/hardship")));

        CurrentUser point = staff(organisations, "NB-ZH-T02-E1");
        mvc.perform(get("/console/hardship").with(as(point))).andExpect(status().isOk())
                .andExpect(content().string(containsString(archive.number())));
        mvc.perform(get("/console/hardship/" + archive.id()).with(as(staff(organisations, "NB-ZH-T03"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/hardship/" + archive.id()).with(as(point))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"household-masked\"")))
                .andExpect(content().string(not(containsString(own))));
        mvc.perform(post("/console/hardship/" + archive.id() + "/reveal").with(as(point)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(own)))
                .andExpect(content().string(containsString("30000.00")));
        byte[] pdf = "%PDF-1.4 certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/console/hardship/" + archive.id() + "/documents")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "证明.pdf", "application/pdf", pdf))
                .with(as(point)).with(csrf())).andExpect(flash().attributeExists("notice"));
        long document = applicationsDocuments(archive.id());
        mvc.perform(get("/console/hardship/" + archive.id() + "/documents/" + document).with(as(point)))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        mvc.perform(get("/console/hardship/" + archive.id() + "/documents/" + document)
                .with(as(staff(organisations, "NB-ZH-T03")))).andExpect(status().isNotFound());
        mvc.perform(post("/console/hardship/" + archive.id() + "/register").with(as(point)).with(csrf()))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/console/hardship/" + archive.id() + "/check").with(as(point)).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        CurrentUser township = staff(organisations, "NB-ZH-T02");
        mvc.perform(post("/console/hardship/" + archive.id() + "/check").param("reason", "属实").with(as(township))
                .with(csrf())).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/console/hardship/" + archive.id() + "/approve").with(as(staff(organisations, "NB-ZH")))
                .with(csrf())).andExpect(flash().attributeExists("notice"));
        assertThat(applications.own(m.id(), archive.id()).tier()).isEqualTo(HardshipTier.DEEP);
        mvc.perform(get("/console/hardship?tier=DEEP&status=APPROVED").with(as(township)))
                .andExpect(content().string(containsString(archive.number())));
        mvc.perform(get("/console/hardship?tier=BAD").with(as(township))).andExpect(status().isBadRequest());
        mvc.perform(get("/console/hardship/export").with(as(township))).andExpect(status().isOk());
    }

    private long applicationsDocuments(long archiveId) {
        return records.documents(archiveId).get(0).id();
    }

    @Test
    void staffApplyAtTheWindowSetStandardsAndRunTheYearlyReview() throws Exception {
        MemberView m = member(members, organisations, "NB-ZH-T04-C1");
        CurrentUser point = staff(organisations, "NB-ZH-T04-C1");
        String phone = members.revealOwn(m.id(), PersonalField.PHONE);
        mvc.perform(get("/console/hardship/new").param("q", phone).with(as(point))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"window-form\"")));
        mvc.perform(get("/console/hardship/new").param("q", phone).with(as(staff(organisations, "NB-ZH-T05"))))
                .andExpect(content().string(not(containsString("data-testid=\"window-form\""))));
        mvc.perform(household(post("/console/hardship/new").param("memberId", String.valueOf(m.id())),
                        members.revealOwn(m.id(), PersonalField.ID_NUMBER), "50000").with(as(point)))
                .andExpect(redirectedUrlPattern("/console/hardship/*"));
        assertThat(applications.ownArchives(m.id()).get(0).status()).isEqualTo(ArchiveStatus.REGISTERED);

        CurrentUser district = staff(organisations, "NB-ZH");
        mvc.perform(get("/console/hardship/standards").with(as(district))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1200.00")));
        mvc.perform(post("/console/hardship/standards").param("districtId", String.valueOf(org(organisations, "NB-ZH").id()))
                .param("year", "2033").param("monthly", "abc").with(as(district)).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/console/hardship/standards").param("districtId", String.valueOf(org(organisations, "NB-ZH").id()))
                .param("year", "2033").param("monthly", "1,250.50").with(as(district)).with(csrf()))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/console/hardship/reviews").param("year", "2032").param("share", "2").with(as(district))
                .with(csrf())).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/console/hardship/reviews").param("year", "2032").param("share", "0.5").param("seed", "种子")
                .with(as(district)).with(csrf())).andExpect(redirectedUrlPattern("/console/hardship/reviews/*"));
        mvc.perform(get("/console/hardship/reviews").with(as(district))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2032")));
    }
}
