package org.gonghui.shared.web;

import java.time.LocalDate;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditEntry;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.audit.AuditLog.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log viewer (federation admins only: see the security configuration). */
@Controller
class AuditConsoleController {

    private final AuditLog audit;

    AuditConsoleController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(actor, action, recordType, recordId, from, to);
        model.addAttribute("query", query);
        model.addAttribute("page", audit.search(query, page, 50));
        var url = UriComponentsBuilder.fromPath("/console/audit");
        addIfPresent(url, "actor", actor);
        addIfPresent(url, "action", action);
        addIfPresent(url, "recordType", recordType);
        addIfPresent(url, "recordId", recordId);
        addIfPresent(url, "from", from);
        addIfPresent(url, "to", to);
        model.addAttribute("baseUrl", url.build().encode().toUriString());
        return "audit/list";
    }

    @GetMapping("/api/v1/audit")
    @ResponseBody
    PageResult<AuditEntry> api(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.search(new AuditQuery(actor, action, recordType, recordId, from, to), page, size);
    }

    private static void addIfPresent(UriComponentsBuilder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.queryParam(name, value);
        }
    }
}
