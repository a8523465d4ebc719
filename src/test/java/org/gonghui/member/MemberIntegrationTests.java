package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.Sheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MemberIntegrationTests {

    @Autowired Members members;
    @Autowired MemberSpreadsheets sheets;
    @Autowired Organisations organisations;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    private MemberView register(String name, String orgCode, String idNumber, String phone) {
        return members.register(org("NB").treePath(), new NewMember(name, idNumber, phone, org(orgCode).id(),
                MemberType.IN_SERVICE, LocalDate.of(2020, 5, 1), null));
    }

    @Test
    void storesPersonalDataEncryptedAndShowsItMasked() {
        String id = Fixtures.newIdNumber();
        String phone = Fixtures.newPhone();
        MemberView member = register("加密测试", "NB-HS-T01-E1", id, phone);
        assertThat(member.idNumberMasked()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(member.phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(member.birthDate()).isEqualTo(new IdNumber(id).birthDate());
        String stored = jdbc.sql("select id_number_enc || '|' || phone_enc || '|' || id_number_hash from member where id = :id")
                .param("id", member.id()).query(String.class).single();
        assertThat(stored).doesNotContain(id).doesNotContain(phone).doesNotContain(id.substring(6, 14));
    }

    @Test
    void searchFindsByNamePrefixIdNumberAndPhoneOnlyInsideTheScope() {
        String prefix = "搜" + Fixtures.unique("");
        String haishuId = Fixtures.newIdNumber();
        String jiangbeiId = Fixtures.newIdNumber();
        String jiangbeiPhone = Fixtures.newPhone();
        MemberView inHaishu = register(prefix + "甲", "NB-HS-T01-C1", haishuId, null);
        MemberView inJiangbei = register(prefix + "乙", "NB-JB-T01-E1", jiangbeiId, jiangbeiPhone);
        TreePath haishu = org("NB-HS").treePath();

        assertThat(members.search(haishu, new MemberQuery(prefix, null, null, null), 0, 20).items())
                .extracting(MemberView::id).containsExactly(inHaishu.id());
        assertThat(members.search(org("NB").treePath(), new MemberQuery(prefix, null, null, null), 0, 20).items())
                .extracting(MemberView::id).containsExactlyInAnyOrder(inHaishu.id(), inJiangbei.id());
        assertThat(members.search(haishu, new MemberQuery(haishuId.toLowerCase(Locale.ROOT), null, null, null), 0, 20)
                .items()).extracting(MemberView::id).containsExactly(inHaishu.id());
        assertThat(members.search(haishu, new MemberQuery(jiangbeiId, null, null, null), 0, 20).items()).isEmpty();
        assertThat(members.search(haishu, new MemberQuery(jiangbeiPhone, null, null, null), 0, 20).items()).isEmpty();
        assertThat(members.search(org("NB-JB").treePath(), new MemberQuery(jiangbeiPhone, null, null, null), 0, 20)
                .items()).extracting(MemberView::id).containsExactly(inJiangbei.id());
        assertThatThrownBy(() -> members.search(haishu, new MemberQuery(null, org("NB-JB").id(), null, null), 0, 20))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void listsNameMatchesInNameOrderPageByPageInDistrictsAndTownships() {
        String prefix = "序" + Fixtures.unique("");
        MemberView c = register(prefix + "丙", "NB-HS-T01-C1", Fixtures.newIdNumber(), null);
        MemberView a = register(prefix + "甲", "NB-HS-T01-E1", Fixtures.newIdNumber(), null);
        MemberView b = register(prefix + "乙", "NB-HS-T01-C1", Fixtures.newIdNumber(), null);
        MemberView elsewhere = register(prefix + "丁", "NB-HS-T02-E1", Fixtures.newIdNumber(), null);
        MemberQuery query = new MemberQuery(prefix, null, null, null);
        List<Long> inTownship = java.util.stream.Stream.of(a, b, c)
                .sorted(java.util.Comparator.comparing(MemberView::name)).map(MemberView::id).toList();

        // a township (three levels deep) and a district are searched differently; both give name order
        TreePath township = org("NB-HS-T01").treePath();
        var first = members.search(township, query, 0, 2);
        var second = members.search(township, query, 1, 2);
        assertThat(first.items()).extracting(MemberView::id).containsExactlyElementsOf(inTownship.subList(0, 2));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(MemberView::id).containsExactly(inTownship.get(2));
        assertThat(members.search(org("NB-HS").treePath(), query, 0, 20).items()).extracting(MemberView::id)
                .containsExactlyElementsOf(java.util.stream.Stream.of(a, b, c, elsewhere)
                        .sorted(java.util.Comparator.comparing(MemberView::name)).map(MemberView::id).toList());
    }

    @Test
    void pagesThroughResultsWithoutCountingTheTable() {
        TreePath haishu = org("NB-HS").treePath();
        var first = members.search(haishu, MemberQuery.all(), 0, 5);
        var second = members.search(haishu, MemberQuery.all(), 1, 5);
        assertThat(first.items()).hasSize(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    }

    @Test
    void refusesDuplicatesAndBadValuesWithoutStoringAnything() {
        String id = Fixtures.newIdNumber();
        register("重复测试", "NB-HS-T01-E1", id, null);
        long before = count();
        assertThatThrownBy(() -> register("重复测试二", "NB-HS-T01-E1", id, null))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.id-number.taken");
        assertThatThrownBy(() -> register("校验位", "NB-HS-T01-E1", "11010519491231003X", null))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.id-number.check-digit");
        assertThatThrownBy(() -> register(" ", "NB-HS-T01-E1", Fixtures.newIdNumber(), null))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.name.required");
        assertThatThrownBy(() -> members.register(org("NB-HS").treePath(), new NewMember("越界", Fixtures.newIdNumber(),
                null, org("NB-JB-T01-E1").id(), MemberType.MIGRANT, null, null)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.not-found");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void revealingIsAuditLoggedAndOutOfScopeRevealsAreRefused() {
        String id = Fixtures.newIdNumber();
        MemberView member = register("查看测试", "NB-HS-T01-E1", id, null);
        assertThat(members.reveal(org("NB-HS").treePath(), member.id(), PersonalField.ID_NUMBER)).isEqualTo(id);
        var entries = audit.search(new AuditLog.AuditQuery(null, "member.reveal.id_number", "member",
                String.valueOf(member.id()), null, null), 0, 10).items();
        assertThat(entries).hasSize(1);
        assertThatThrownBy(() -> members.reveal(org("NB-JB").treePath(), member.id(), PersonalField.ID_NUMBER))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void transfersKeepAHistoryAndStatusChangesAreRecorded() {
        MemberView member = register("调动测试", "NB-HS-T01-E1", Fixtures.newIdNumber(), null);
        TreePath city = org("NB").treePath();
        members.transfer(city, member.id(), org("NB-JB-T01-E1").id(), "换工作");
        members.changeStatus(city, member.id(), MemberStatus.LEFT, "退会");
        assertThatThrownBy(() -> members.transfer(city, member.id(), org("NB-HS-T01-E1").id(), null))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.not-active");
        List<StatusChange> history = members.history(city, member.id());
        assertThat(history).extracting(StatusChange::status)
                .containsExactly(MemberStatus.ACTIVE, MemberStatus.ACTIVE, MemberStatus.LEFT);
        assertThat(history.get(1).fromOrgId()).isEqualTo(org("NB-HS-T01-E1").id());
        assertThat(history.get(1).orgId()).isEqualTo(org("NB-JB-T01-E1").id());
        assertThat(history.get(1).reason()).isEqualTo("换工作");
    }

    @Test
    void correctionsKeepABlankPhoneAndRefuseAnotherMembersPhone() {
        String phone = Fixtures.newPhone();
        String otherPhone = Fixtures.newPhone();
        MemberView member = register("更正测试", "NB-HS-T01-E1", Fixtures.newIdNumber(), phone);
        register("他人", "NB-HS-T01-E1", Fixtures.newIdNumber(), otherPhone);
        TreePath haishu = org("NB-HS").treePath();
        MemberView corrected = members.update(haishu, member.id(), "更正后", "", MemberType.MIGRANT, "");
        assertThat(corrected.name()).isEqualTo("更正后");
        assertThat(corrected.type()).isEqualTo(MemberType.MIGRANT);
        assertThat(members.reveal(haishu, member.id(), PersonalField.PHONE)).isEqualTo(phone);
        assertThatThrownBy(() -> members.update(haishu, member.id(), "更正后", otherPhone, null, null))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.phone.taken");
        String newPhone = Fixtures.newPhone();
        members.update(haishu, member.id(), "更正后", newPhone, null, null);
        assertThat(members.findByPhone(newPhone)).map(MemberView::id).contains(member.id());
        assertThat(members.findByPhone(phone)).isEmpty();
    }

    @Test
    void importIsAllOrNothingWithLocalisedReasons() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        String id1 = Fixtures.newIdNumber();
        String id2 = Fixtures.newIdNumber();
        String phone = Fixtures.newPhone();
        long before = count();
        var bad = Sheets.xlsx(sheets.importHeader(), List.of(
                List.of("导入甲", id1, phone, "NB-HS-T01-E1", "在职职工", "2021-03-01", ""),
                List.of("导入乙", id2, phone, "NB-HS-T01-E1", "MIGRANT", "2021/3/1", ""),
                List.of("导入丙", "11010519491231003X", "", "NB-JB-T01-E1", "学生", "", ""),
                List.of("导入丁", id1, "", "NB-HS-T01-C1", "退休职工", "", "")));
        ImportReport report = sheets.importSheet(org("NB-HS").treePath(), bad);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.imported()).isZero();
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(3, 4, 5);
        assertThat(report.errors().get(0).messages()).containsExactly("手机号在表格中重复");
        assertThat(report.errors().get(1).messages()).containsExactly("身份证号校验位不正确，请核对",
                "单位编码“NB-JB-T01-E1”不存在或不在您的管辖范围内", "无法识别的会员类型“学生”");
        assertThat(count()).isEqualTo(before);

        var good = Sheets.xlsx(sheets.importHeader(), List.of(
                List.of("导入甲", id1, phone, "NB-HS-T01-E1", "在职职工", "2021-03-01", ""),
                List.of("导入乙", id2, "", "NB-HS-T01-E1", "MIGRANT", "2021/3/1", Fixtures.newCardNumber())));
        assertThat(sheets.importSheet(org("NB-HS").treePath(), good).succeeded()).isTrue();
        assertThat(count()).isEqualTo(before + 2);
        MemberView imported = members.search(org("NB-HS").treePath(), new MemberQuery(id2, null, null, null), 0, 1)
                .items().get(0);
        assertThat(imported.type()).isEqualTo(MemberType.MIGRANT);
        assertThat(imported.joinedOn()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(members.history(org("NB").treePath(), imported.id())).hasSize(1);
    }

    @Test
    void exportHoldsOnlyTheScopeAndOnlyMaskedValues() throws Exception {
        String id = Fixtures.newIdNumber();
        String prefix = "导" + Fixtures.unique("");
        register(prefix + "海曙", "NB-HS-T01-E1", id, null);
        register(prefix + "江北", "NB-JB-T01-E1", Fixtures.newIdNumber(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.export(org("NB-HS").treePath(), new MemberQuery(prefix, null, null, null), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(prefix + "海曙");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(new IdNumber(id).masked());
        }
        assertThat(audit.search(new AuditLog.AuditQuery(null, "member.export", null, null, null, null), 0, 5).items())
                .isNotEmpty();
    }

    private long count() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }
}
