package org.gonghui.member.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberSpreadsheets;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Staff console pages for the member registry; everything is limited to the staff user's subtree. */
@Controller
@RequestMapping("/console/members")
class MemberConsoleController {

    private final Members members;
    private final MemberSpreadsheets sheets;
    private final Organisations organisations;
    private final ConsoleActions actions;
    private final PlatformTime time;

    MemberConsoleController(Members members, MemberSpreadsheets sheets, Organisations organisations,
            ConsoleActions actions, PlatformTime time) {
        this.time = time;
        this.members = members;
        this.sheets = sheets;
        this.organisations = organisations;
        this.actions = actions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) MemberType type,
            @RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        TreePath scope = TreePath.scopeOf(user);
        MemberQuery query = new MemberQuery(q, orgId, type, status);
        model.addAttribute("query", query);
        model.addAttribute("page", members.search(scope, query, page, 20));
        model.addAttribute("types", MemberType.values());
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("org", orgId == null ? null : organisations.requireInScope(orgId, scope));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/console/members").queryParamIfPresent("q", opt(q))
                .queryParamIfPresent("orgId", opt(orgId)).queryParamIfPresent("type", opt(type))
                .queryParamIfPresent("status", opt(status)).build().encode().toUriString());
        model.addAttribute("exportUrl", UriComponentsBuilder.fromPath("/console/members/export")
                .queryParamIfPresent("q", opt(q)).queryParamIfPresent("orgId", opt(orgId))
                .queryParamIfPresent("type", opt(type)).queryParamIfPresent("status", opt(status)).build().encode()
                .toUriString());
        return "member/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", new MemberForm());
        model.addAttribute("types", MemberType.values());
        return "member/form";
    }

    @PostMapping
    String register(@AuthenticationPrincipal CurrentUser user, MemberForm form, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        try {
            OrganisationView org = organisations.findByCode(form.getOrgCode()).filter(o -> scope.contains(o.path()))
                    .orElseThrow(() -> DomainException.invalid("member.import.unknown-organisation", form.getOrgCode()));
            MemberView member = members.register(scope, new NewMember(form.getName(), form.getIdNumber(),
                    form.getPhone(), org.id(), form.getType(), form.getJoinedOn(), form.getCardNumber()));
            return "redirect:/console/members/" + member.id();
        } catch (DomainException e) {
            model.addAttribute("form", form);
            model.addAttribute("types", MemberType.values());
            model.addAttribute("error", actions.reason(e));
            return "member/form";
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        model.addAttribute("member", members.view(scope, id));
        model.addAttribute("history", members.history(scope, id));
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("types", MemberType.values());
        return "member/detail";
    }

    /** Reveals one personal value in place (htmx); audit-logged. Reviewers alone may not. */
    @PostMapping(value = "/{id}/reveal", produces = "text/html;charset=UTF-8")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @ResponseBody
    String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam PersonalField field) {
        String value = members.reveal(TreePath.scopeOf(user), id, field);
        return "<span class=\"gh-masked\" data-testid=\"revealed\">" + (value == null ? "" : escape(value)) + "</span>";
    }

    @PostMapping("/{id}/transfer")
    String transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String toOrgCode, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        TreePath scope = TreePath.scopeOf(user);
        members.view(scope, id);
        return actions.run(redirect, "/console/members/" + id, () -> {
            OrganisationView target = organisations.findByCode(toOrgCode).filter(o -> scope.contains(o.path()))
                    .orElseThrow(() -> DomainException.invalid("member.import.unknown-organisation", toOrgCode));
            members.transfer(scope, id, target.id(), reason);
        });
    }

    @PostMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String phone, @RequestParam(required = false) MemberType type,
            @RequestParam(required = false) String cardNumber, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/members/" + id,
                () -> members.update(TreePath.scopeOf(user), id, name, phone, type, cardNumber));
    }

    @PostMapping("/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam MemberStatus status,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/members/" + id,
                () -> members.changeStatus(TreePath.scopeOf(user), id, status, reason));
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) MemberType type,
            @RequestParam(required = false) MemberStatus status, HttpServletResponse response) throws IOException {
        TreePath scope = TreePath.scopeOf(user);
        // check the scope before the response is committed, so a refusal is still a clean 404 page
        if (orgId != null) {
            organisations.requireInScope(orgId, scope);
        }
        ImportReports.excelAttachment(response, "members-" + time.today() + ".xlsx");
        sheets.export(scope, new MemberQuery(q, orgId, type, status), response.getOutputStream());
    }

    @GetMapping("/import")
    String importForm() {
        return "member/import";
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, message("member.sheet"), sheets.importHeader(),
                List.of(List.of("张三", "11010519491231002X", "13800000000", "NB-HS-T01-E1",
                        message("member.type.IN_SERVICE"), "2020-05-01", "")));
        return ImportReports.excel(out.toByteArray(), "members-template.xlsx");
    }

    @PostMapping("/import")
    String importSheet(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = sheets.importSheet(TreePath.scopeOf(user), file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(sheets.importHeader(),
                        message("import.row"), message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
        }
        return "member/import";
    }

    private String message(String code, Object... args) {
        return actions.message(code, args);
    }

    private static java.util.Optional<Object> opt(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) ? java.util.Optional.empty()
                : java.util.Optional.of(value);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The registration form. */
    static class MemberForm {
        private String name;
        private String idNumber;
        private String phone;
        private String orgCode;
        private MemberType type = MemberType.IN_SERVICE;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate joinedOn;
        private String cardNumber;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getOrgCode() { return orgCode; }
        public void setOrgCode(String orgCode) { this.orgCode = orgCode; }
        public MemberType getType() { return type; }
        public void setType(MemberType type) { this.type = type; }
        public LocalDate getJoinedOn() { return joinedOn; }
        public void setJoinedOn(LocalDate joinedOn) { this.joinedOn = joinedOn; }
        public String getCardNumber() { return cardNumber; }
        public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }
    }
}
