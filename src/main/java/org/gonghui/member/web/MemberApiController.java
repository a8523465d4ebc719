package org.gonghui.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberSpreadsheets;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.member.PersonalField;
import org.gonghui.member.StatusChange;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The member registry for staff apps; every call is limited to the caller's subtree. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "Real-name member registry (staff)")
@SecurityRequirement(name = "bearer")
class MemberApiController {

    private final Members members;
    private final MemberSpreadsheets sheets;
    private final Organisations organisations;
    private final PlatformTime time;

    MemberApiController(Members members, MemberSpreadsheets sheets, Organisations organisations, PlatformTime time) {
        this.time = time;
        this.members = members;
        this.sheets = sheets;
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "Search members by name prefix, exact phone or exact ID number within the caller's scope")
    PageResult<MemberView> search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) MemberType type,
            @RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return members.search(TreePath.scopeOf(user), new MemberQuery(q, orgId, type, status), page, size);
    }

    @GetMapping("/{id}")
    MemberView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return members.view(TreePath.scopeOf(user), id);
    }

    /** What registering takes; gender and birth date come from the ID number. */
    record MemberRegistration(String name, String idNumber, String phone, Long orgId, MemberType type, LocalDate joinedOn,
            String cardNumber) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MemberView register(@AuthenticationPrincipal CurrentUser user, @RequestBody MemberRegistration body) {
        return members.register(TreePath.scopeOf(user), new NewMember(body.name(), body.idNumber(), body.phone(),
                body.orgId(), body.type(), body.joinedOn(), body.cardNumber()));
    }

    record Correction(String name, String phone, MemberType type, String cardNumber) {
    }

    @PutMapping("/{id}")
    MemberView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Correction body) {
        return members.update(TreePath.scopeOf(user), id, body.name(), body.phone(), body.type(), body.cardNumber());
    }

    record Transfer(long toOrgId, String reason) {
    }

    @PostMapping("/{id}/transfer")
    MemberView transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Transfer body) {
        return members.transfer(TreePath.scopeOf(user), id, body.toOrgId(), body.reason());
    }

    record StatusRequest(MemberStatus status, String reason) {
    }

    @PostMapping("/{id}/status")
    MemberView status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody StatusRequest body) {
        return members.changeStatus(TreePath.scopeOf(user), id, body.status(), body.reason());
    }

    record Reveal(PersonalField field) {
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Operation(summary = "Reveal one personal value in clear text (audit-logged)")
    Map<String, String> reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Reveal body) {
        PersonalField field = body.field() == null ? PersonalField.ID_NUMBER : body.field();
        String value = members.reveal(TreePath.scopeOf(user), id, field);
        return Map.of("field", field.name(), "value", value == null ? "" : value);
    }

    @GetMapping("/{id}/history")
    List<StatusChange> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return members.history(TreePath.scopeOf(user), id);
    }

    @GetMapping("/export")
    @Operation(summary = "Export the search result as an Excel file (masked, audit-logged)")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) MemberType type,
            @RequestParam(required = false) MemberStatus status, HttpServletResponse response) throws IOException {
        TreePath scope = TreePath.scopeOf(user);
        if (orgId != null) {
            organisations.requireInScope(orgId, scope);
        }
        ImportReports.excelAttachment(response, "members-" + time.today() + ".xlsx");
        sheets.export(scope, new MemberQuery(q, orgId, type, status), response.getOutputStream());
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Import members from Excel: all rows or none; the answer lists every bad row")
    org.springframework.http.ResponseEntity<ImportReport> importSheet(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = sheets.importSheet(TreePath.scopeOf(user), file);
        return org.springframework.http.ResponseEntity.status(report.succeeded() ? HttpStatus.OK
                : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
